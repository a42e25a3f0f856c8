using System.Globalization;
using Alliance.Members.Contracts;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Import;

/// <summary>What a spreadsheet column can be mapped to.</summary>
internal enum TargetKind
{
    SubmittedOn,
    PartnerGroup,
    Sector,
    SizeClass,
    Question,
    ChosenOption,
    MatrixRow,
    OtherText,
}

/// <summary>
/// One place a column's values can go: a response property, a question, one option of a multiple-choice question
/// (0/1), one row of a matrix, or the "other" text of a choice. <see cref="Key"/> is what the mapping form sends.
/// </summary>
internal sealed record ImportTarget(string Key, string Label, TargetKind Kind, OutlineQuestion? Question, OutlineOption? Option, IReadOnlyList<string> Names);

/// <summary>The targets of a survey — the same columns the raw export writes, so an exported file maps itself.</summary>
internal static class ImportTargets
{
    /// <summary>Every target of <paramref name="outline"/>, with the headers (German and English) that map to it automatically.</summary>
    public static List<ImportTarget> Of(SurveyOutline outline, IStringLocalizer<ResultsText> text)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var targets = new List<ImportTarget>
        {
            new("submitted", text["Export_SubmittedOn"], TargetKind.SubmittedOn, null, null, Names(text, "Export_SubmittedOn")),
            new("partner-group", text["Breakdown_PartnerGroup"], TargetKind.PartnerGroup, null, null, Names(text, "Breakdown_PartnerGroup")),
            new("sector", text["Breakdown_Sector"], TargetKind.Sector, null, null, Names(text, "Breakdown_Sector")),
            new("size-class", text["Breakdown_SizeClass"], TargetKind.SizeClass, null, null, Names(text, "Breakdown_SizeClass")),
        };
        foreach (var question in outline.Questions)
        {
            string Title(bool en) => $"{question.Number}. {question.Text(en)}";
            switch (question.Kind)
            {
                case QuestionKind.MultipleChoice:
                case QuestionKind.Matrix:
                    var kind = question.Kind == QuestionKind.Matrix ? TargetKind.MatrixRow : TargetKind.ChosenOption;
                    foreach (var option in question.Kind == QuestionKind.Matrix ? question.Rows : question.Options)
                    {
                        targets.Add(new ImportTarget($"o:{option.Id}", $"{Title(english)}: {option.Label(english)}", kind, question, option,
                            [$"{Title(false)}: {option.Label(false)}", $"{Title(true)}: {option.Label(true)}", $"{question.Text(false)}: {option.Label(false)}"]));
                    }

                    break;
                default:
                    targets.Add(new ImportTarget($"q:{question.Id}", Title(english), TargetKind.Question, question, null,
                        [Title(false), Title(true), question.Text(false), question.Text(true)]));
                    break;
            }

            if (question.IsChoice && question.AllowOther)
            {
                targets.Add(new ImportTarget($"other:{question.Id}", $"{Title(english)}: {text["Results_Other"]}", TargetKind.OtherText, question, null,
                    OtherNames(text, Title(false), Title(true))));
            }
        }

        return targets;
    }

    /// <summary>For each column, the target whose name equals its header (ignoring case), or null.</summary>
    public static List<string?> AutoMap(IReadOnlyList<string> headers, IReadOnlyList<ImportTarget> targets) =>
        headers.Select(header => targets.FirstOrDefault(t => t.Names.Any(n => string.Equals(n.Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase)))?.Key).ToList();

    private static List<string> Names(IStringLocalizer<ResultsText> text, string key) =>
        [InCulture("de", () => text[key]), InCulture("en", () => text[key])];

    private static List<string> OtherNames(IStringLocalizer<ResultsText> text, string german, string english) =>
        [$"{german}: {InCulture("de", () => text["Results_Other"])}", $"{english}: {InCulture("en", () => text["Results_Other"])}"];

    private static string InCulture(string culture, Func<string> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>A partner group from its name (Company) or label in either language (Unternehmen, Companies).</summary>
    public static string? PartnerGroupOf(string value, IStringLocalizer<ResultsText> text) =>
        Enum.GetValues<PartnerGroup>().Select(g => g.ToString())
            .FirstOrDefault(g => Matches(value, g, InCulture("de", () => text["PartnerGroup_" + g]), InCulture("en", () => text["PartnerGroup_" + g])));

    /// <summary>A size class from its name (Small) or label in either language.</summary>
    public static string? SizeClassOf(string value, IStringLocalizer<ResultsText> text) =>
        Enum.GetValues<SizeClass>().Select(g => g.ToString())
            .FirstOrDefault(g => Matches(value, g, InCulture("de", () => text["SizeClass_" + g]), InCulture("en", () => text["SizeClass_" + g])));

    private static bool Matches(string value, params string[] names) =>
        names.Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
