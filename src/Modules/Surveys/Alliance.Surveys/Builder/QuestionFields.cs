using Alliance.Shared.Input;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Builder;

/// <summary>One option in German and English: a choice, or a matrix row.</summary>
internal sealed record OptionInput(string LabelDe, string LabelEn);

/// <summary>What staff type for a question (adding and editing).</summary>
internal interface IQuestionFields
{
    QuestionKind Kind { get; }
    string TextDe { get; }
    string TextEn { get; }
    string? HelpDe { get; }
    string? HelpEn { get; }
    bool Required { get; }
    bool AllowOther { get; }
    int? ScaleMin { get; }
    int? ScaleMax { get; }
    string? ScaleMinLabelDe { get; }
    string? ScaleMinLabelEn { get; }
    string? ScaleMaxLabelDe { get; }
    string? ScaleMaxLabelEn { get; }
    decimal? NumberMin { get; }
    decimal? NumberMax { get; }

    /// <summary>Choices (single/multiple choice) or rows (matrix); ignored for the other kinds (yes/no makes its own).</summary>
    IReadOnlyList<OptionInput>? Options { get; }

    /// <summary>Show this question only when an earlier choice or yes/no question's answer includes this option.</summary>
    Guid? ShowIfOptionId { get; }
}

/// <summary>The rules every question obeys, whatever its kind.</summary>
internal sealed class QuestionFieldsValidator : AbstractValidator<IQuestionFields>
{
    /// <summary>The widest scale a respondent gets as radio buttons (0–10).</summary>
    public const int MaxScaleSteps = 11;

    public QuestionFieldsValidator(IStringLocalizer<SurveysText> text)
    {
        RuleFor(q => q.Kind).IsInEnum().WithMessage(_ => text["Question_KindUnknown"]);
        RuleFor(q => q.TextDe).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.QuestionText);
        RuleFor(q => q.TextEn).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.QuestionText);
        RuleFor(q => q.HelpDe).MaximumLength(TextLimits.Help);
        RuleFor(q => q.HelpEn).MaximumLength(TextLimits.Help);
        RuleFor(q => q.ScaleMinLabelDe).MaximumLength(TextLimits.ScaleLabel);
        RuleFor(q => q.ScaleMinLabelEn).MaximumLength(TextLimits.ScaleLabel);
        RuleFor(q => q.ScaleMaxLabelDe).MaximumLength(TextLimits.ScaleLabel);
        RuleFor(q => q.ScaleMaxLabelEn).MaximumLength(TextLimits.ScaleLabel);
        RuleFor(q => q.Options).MaxItems(RequestCaps.OptionsPerQuestion);
        RuleForEach(q => q.Options).ChildRules(option =>
        {
            option.RuleFor(o => o.LabelDe).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.OptionLabel);
            option.RuleFor(o => o.LabelEn).NotEmpty().WithMessage(_ => text["Field_Required"]).MaximumLength(TextLimits.OptionLabel);
        });

        When(q => q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice, () =>
            RuleFor(q => q.Options).Must(o => o is { Count: >= 2 }).WithMessage(_ => text["Question_TwoOptions"]));
        When(q => q.Kind == QuestionKind.Matrix, () =>
            RuleFor(q => q.Options).Must(o => o is { Count: >= 1 }).WithMessage(_ => text["Question_OneRow"]));
        RuleFor(q => q.AllowOther).Must((q, other) => !other || q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
            .WithMessage(_ => text["Question_OtherOnlyChoice"]);

        When(q => q.Kind is QuestionKind.Scale or QuestionKind.Matrix, () =>
        {
            RuleFor(q => q.ScaleMin).NotNull().WithMessage(_ => text["Field_Required"]).InclusiveBetween(0, 10).WithMessage(_ => text["Question_ScaleRange"]);
            RuleFor(q => q.ScaleMax).NotNull().WithMessage(_ => text["Field_Required"]).InclusiveBetween(1, 10).WithMessage(_ => text["Question_ScaleRange"])
                .GreaterThan(q => q.ScaleMin ?? int.MinValue).WithMessage(_ => text["Question_ScaleOrder"]);
        });
        When(q => q.Kind == QuestionKind.Number && q.NumberMin is not null && q.NumberMax is not null, () =>
            RuleFor(q => q.NumberMax).GreaterThanOrEqualTo(q => q.NumberMin).WithMessage(_ => text["Question_NumberOrder"]));
        RuleFor(q => q.NumberMin).InclusiveBetween(-1_000_000_000_000m, 1_000_000_000_000m).WithMessage(_ => text["Question_NumberTooLarge"]);
        RuleFor(q => q.NumberMax).InclusiveBetween(-1_000_000_000_000m, 1_000_000_000_000m).WithMessage(_ => text["Question_NumberTooLarge"]);
    }
}

/// <summary>Copies the fields onto a question and keeps its options (ids stay by position, so conditions on them hold).</summary>
internal static class QuestionWriter
{
    public static List<Option> Apply(SurveysDbContext db, Question question, IQuestionFields fields, List<Option> existing)
    {
        question.Kind = fields.Kind;
        question.TextDe = fields.TextDe.Trim();
        question.TextEn = fields.TextEn.Trim();
        question.HelpDe = Blank(fields.HelpDe);
        question.HelpEn = Blank(fields.HelpEn);
        question.Required = fields.Required;
        question.AllowOther = fields.AllowOther && fields.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        var scaled = fields.Kind is QuestionKind.Scale or QuestionKind.Matrix;
        question.ScaleMin = scaled ? fields.ScaleMin : null;
        question.ScaleMax = scaled ? fields.ScaleMax : null;
        question.ScaleMinLabelDe = scaled ? Blank(fields.ScaleMinLabelDe) : null;
        question.ScaleMinLabelEn = scaled ? Blank(fields.ScaleMinLabelEn) : null;
        question.ScaleMaxLabelDe = scaled ? Blank(fields.ScaleMaxLabelDe) : null;
        question.ScaleMaxLabelEn = scaled ? Blank(fields.ScaleMaxLabelEn) : null;
        question.NumberMin = fields.Kind == QuestionKind.Number ? fields.NumberMin : null;
        question.NumberMax = fields.Kind == QuestionKind.Number ? fields.NumberMax : null;

        IReadOnlyList<OptionInput> wanted = fields.Kind switch
        {
            // Stored in both languages like any option, so results and conditions treat yes/no as a choice.
            QuestionKind.YesNo => [new("Ja", "Yes"), new("Nein", "No")],
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Matrix => fields.Options ?? [],
            _ => [],
        };
        var role = fields.Kind == QuestionKind.Matrix ? OptionRole.MatrixRow : OptionRole.Choice;
        existing.Sort((a, b) => a.Position.CompareTo(b.Position));
        var result = new List<Option>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var option = i < existing.Count ? existing[i] : null;
            if (option is null)
            {
                option = new Option { Id = Guid.NewGuid(), QuestionId = question.Id, LabelDe = "", LabelEn = "" };
                db.Options.Add(option);
            }

            option.Position = i + 1;
            option.LabelDe = wanted[i].LabelDe.Trim();
            option.LabelEn = wanted[i].LabelEn.Trim();
            option.Role = role;
            result.Add(option);
        }

        foreach (var gone in existing.Skip(wanted.Count))
        {
            db.Options.Remove(gone);
        }

        return result;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Conditions point at an option of an earlier choice or yes/no question of the same survey.</summary>
internal static class ConditionRules
{
    /// <summary>
    /// The question the option belongs to, checked: same survey, a choice kind, before <paramref name="position"/>
    /// (section position, question position); otherwise 400 on <c>ShowIfOptionId</c>.
    /// </summary>
    public static async Task<Guid?> ResolveAsync(SurveysDbContext db, Guid surveyId, Guid? optionId, (int Section, int Question) position,
        Guid? selfId, IStringLocalizer<SurveysText> text, CancellationToken ct)
    {
        if (optionId is null)
        {
            return null;
        }

        var source = await (
            from o in db.Options
            join q in db.Questions on o.QuestionId equals q.Id
            join s in db.Sections on q.SectionId equals s.Id
            where o.Id == optionId && q.SurveyId == surveyId
            select new { q.Id, q.Kind, SectionPosition = s.Position, q.Position }).FirstOrDefaultAsync(ct);
        if (source is null || source.Id == selfId
            || source.Kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo))
        {
            throw Invalid.Field(nameof(IQuestionFields.ShowIfOptionId), text["Question_ConditionUnknown"]);
        }

        if ((source.SectionPosition, source.Position).CompareTo(position) >= 0)
        {
            throw Invalid.Field(nameof(IQuestionFields.ShowIfOptionId), text["Question_ConditionLater"]);
        }

        return source.Id;
    }
}
