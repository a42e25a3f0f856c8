using System.Globalization;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Resources;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Import;

/// <summary>One answer read from a spreadsheet row, in the shape the answers table stores.</summary>
internal sealed record ImportedAnswer(Guid QuestionId, Guid? OptionId = null, Guid? RowOptionId = null, int? Scale = null,
    decimal? Number = null, string? Text = null, DateOnly? Date = null);

/// <summary>A spreadsheet row as a response, with what could not be read (then it is not imported).</summary>
/// <param name="Row">The row number as the spreadsheet shows it (the header is row 1).</param>
internal sealed record ImportedRow(int Row, DateOnly? SubmittedOn, string? PartnerGroup, string? Sector, string? SizeClass,
    IReadOnlyList<ImportedAnswer> Answers, IReadOnlyList<ImportError> Errors);

/// <summary>What is wrong with one cell: row, column header and a message in the reader's language.</summary>
internal sealed record ImportError(int Row, string Column, string Message);

/// <summary>
/// Reads the rows of an <see cref="ImportTable"/> through a column → target mapping, checking every value as the
/// answering form would (options among the question's, scale and number ranges, dates, text lengths). Empty cells
/// are no answer; rows without any value are skipped.
/// </summary>
internal static class ImportRows
{
    private static readonly string[] Yes = ["1", "x", "ja", "yes", "true", "wahr", "j", "y"];
    private static readonly string[] No = ["0", "", "nein", "no", "false", "falsch", "n", "-"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd HH:mm", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>Every non-empty row, parsed.</summary>
    public static List<ImportedRow> Read(ImportTable table, IReadOnlyList<ImportTarget?> mapping, IStringLocalizer<ResultsText> text)
    {
        var rows = new List<ImportedRow>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var number = r + 2;
            var errors = new List<ImportError>();
            var answers = new List<ImportedAnswer>();
            DateOnly? submitted = null;
            string? group = null, sector = null, size = null;
            for (var c = 0; c < mapping.Count && c < cells.Count; c++)
            {
                var target = mapping[c];
                var value = cells[c].Trim();
                if (target is null || value.Length == 0)
                {
                    continue;
                }

                var header = table.Headers[c];
                void Error(string key, params object[] args) => errors.Add(new ImportError(number, header, text[key, args]));
                switch (target.Kind)
                {
                    case TargetKind.SubmittedOn:
                        if (ParseDate(value) is { } day) { submitted = day; } else { Error("Import_NotADate", value); }
                        break;
                    case TargetKind.PartnerGroup:
                        group = ImportTargets.PartnerGroupOf(value, text);
                        if (group is null) { Error("Import_UnknownPartnerGroup", value); }
                        break;
                    case TargetKind.Sector:
                        if (value.Length > TextLimits.Sector) { Error("Import_TooLong", TextLimits.Sector); } else { sector = value; }
                        break;
                    case TargetKind.SizeClass:
                        size = ImportTargets.SizeClassOf(value, text);
                        if (size is null) { Error("Import_UnknownSizeClass", value); }
                        break;
                    case TargetKind.ChosenOption:
                        if (Yes.Contains(value.ToLowerInvariant())) { answers.Add(new ImportedAnswer(target.Question!.Id, OptionId: target.Option!.Id)); }
                        else if (!No.Contains(value.ToLowerInvariant())) { Error("Import_NotYesOrNo", value); }
                        break;
                    case TargetKind.MatrixRow:
                        if (ParseScale(value, target.Question!) is { } cell) { answers.Add(new ImportedAnswer(target.Question!.Id, RowOptionId: target.Option!.Id, Scale: cell)); }
                        else { Error("Import_OutOfScale", value, target.Question!.ScaleMin, target.Question.ScaleMax); }
                        break;
                    case TargetKind.OtherText:
                        if (value.Length > TextLimits.ShortAnswer) { Error("Import_TooLong", TextLimits.ShortAnswer); }
                        else { answers.Add(new ImportedAnswer(target.Question!.Id, Text: value)); }
                        break;
                    case TargetKind.Question:
                        Question(target, value, answers, Error);
                        break;
                }
            }

            rows.Add(new ImportedRow(number, submitted, group, sector, size, answers, errors));
        }

        return rows;
    }

    private static void Question(ImportTarget target, string value, List<ImportedAnswer> answers, Action<string, object[]> error)
    {
        var question = target.Question!;
        switch (question.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.YesNo:
                var option = question.Options.FirstOrDefault(o => Same(o.LabelDe, value) || Same(o.LabelEn, value));
                if (option is null && question.Kind == QuestionKind.YesNo)
                {
                    // Yes/no questions have two options, yes first: "1"/"ja" and "0"/"nein" choose them.
                    option = Yes.Contains(value.ToLowerInvariant()) ? question.Options.ElementAtOrDefault(0)
                        : No.Contains(value.ToLowerInvariant()) ? question.Options.ElementAtOrDefault(1) : null;
                }

                if (option is not null)
                {
                    answers.Add(new ImportedAnswer(question.Id, OptionId: option.Id));
                }
                else if (question.AllowOther && value.Length <= TextLimits.ShortAnswer)
                {
                    answers.Add(new ImportedAnswer(question.Id, Text: value));
                }
                else
                {
                    error("Import_UnknownOption", [value]);
                }

                break;
            case QuestionKind.Scale:
                if (ParseScale(value, question) is { } scale) { answers.Add(new ImportedAnswer(question.Id, Scale: scale)); }
                else { error("Import_OutOfScale", [value, question.ScaleMin, question.ScaleMax]); }
                break;
            case QuestionKind.Number:
                if (ParseNumber(value) is not { } number) { error("Import_NotANumber", [value]); }
                else if (number < question.NumberMin || number > question.NumberMax)
                {
                    error("Import_OutOfRange", [value, question.NumberMin?.ToString(CultureInfo.CurrentCulture) ?? "–", question.NumberMax?.ToString(CultureInfo.CurrentCulture) ?? "–"]);
                }
                else { answers.Add(new ImportedAnswer(question.Id, Number: number)); }
                break;
            case QuestionKind.Date:
                if (ParseDate(value) is { } date) { answers.Add(new ImportedAnswer(question.Id, Date: date)); }
                else { error("Import_NotADate", [value]); }
                break;
            case QuestionKind.ShortText or QuestionKind.LongText:
                var limit = question.Kind == QuestionKind.ShortText ? TextLimits.ShortAnswer : TextLimits.LongAnswer;
                if (value.Length > limit) { error("Import_TooLong", [limit]); }
                else { answers.Add(new ImportedAnswer(question.Id, Text: value)); }
                break;
        }
    }

    private static bool Same(string? label, string value) => label is not null && string.Equals(label.Trim(), value, StringComparison.OrdinalIgnoreCase);

    private static int? ParseScale(string value, Results.OutlineQuestion question) =>
        ParseNumber(value) is { } number && number == decimal.Truncate(number) && number >= question.ScaleMin && number <= question.ScaleMax ? (int)number : null;

    /// <summary>A number as German ("3,5") or international ("3.5") writing has it.</summary>
    private static decimal? ParseNumber(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var invariant) && !value.Contains(',', StringComparison.Ordinal) ? invariant
        : decimal.TryParse(value, NumberStyles.Number, CultureInfo.GetCultureInfo("de-DE"), out var german) ? german
        : null;

    private static DateOnly? ParseDate(string value) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.Year is >= 1900 and <= 2100
            ? DateOnly.FromDateTime(time) : null;
}
