using System.Globalization;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Resources;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Answering;

/// <summary>
/// What respondents may send, checked against the questionnaire: which questions are visible (a conditional
/// question only when its condition's answer includes the option, and its source is visible itself), values that
/// fit their question, and on submission every visible required question answered. Answers to hidden questions are
/// dropped. Errors are per question: property <c>Answers.{questionId}</c>.
/// </summary>
internal sealed class AnswerRules(IStringLocalizer<SurveysText> text)
{
    /// <summary>The property name of a question's error (pages show it next to the question).</summary>
    public static string Property(Guid questionId) => "Answers." + questionId.ToString("D");

    /// <summary>
    /// The answers that count: one per known, visible question, checked. Throws a 400 (<see cref="ValidationException"/>)
    /// listing every bad answer; <paramref name="submitting"/> adds the required check.
    /// </summary>
    public IReadOnlyList<AnswerInput> Check(SurveyDefinition definition, IReadOnlyList<AnswerInput> answers, bool submitting)
    {
        var failures = new List<ValidationFailure>();
        var byQuestion = new Dictionary<Guid, AnswerInput>();
        foreach (var answer in answers)
        {
            if (definition.Find(answer.QuestionId) is null)
            {
                failures.Add(new ValidationFailure(Property(answer.QuestionId), text["Answer_UnknownQuestion"]));
            }
            else if (!byQuestion.TryAdd(answer.QuestionId, answer))
            {
                failures.Add(new ValidationFailure(Property(answer.QuestionId), text["Answer_Twice"]));
            }
        }

        var visible = Visible(definition, byQuestion);
        var kept = new List<AnswerInput>();
        foreach (var question in definition.Questions)
        {
            var id = question.Question.Id;
            if (!visible.Contains(id))
            {
                continue; // answers to hidden questions are discarded
            }

            byQuestion.TryGetValue(id, out var answer);
            if (answer is not null && !answer.IsEmpty)
            {
                var error = Problem(question, answer);
                if (error is not null)
                {
                    failures.Add(new ValidationFailure(Property(id), error));
                    continue;
                }

                kept.Add(Normalize(question, answer));
            }
            else if (submitting && question.Question.Required)
            {
                failures.Add(new ValidationFailure(Property(id), text["Answer_Required"]));
            }

            if (submitting && question.Question.Required && question.Question.Kind == QuestionKind.Matrix && answer is not null && !answer.IsEmpty
                && answer.Rows!.Select(r => r.RowId).Distinct().Count() < question.Options.Count && failures.All(f => f.PropertyName != Property(id)))
            {
                failures.Add(new ValidationFailure(Property(id), text["Answer_MatrixAllRows"]));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return kept;
    }

    /// <summary>The ids of the questions a respondent sees with these answers.</summary>
    public static HashSet<Guid> Visible(SurveyDefinition definition, IReadOnlyDictionary<Guid, AnswerInput> answers)
    {
        var visible = new HashSet<Guid>();
        foreach (var question in definition.Questions)
        {
            var q = question.Question;
            if (q.ShowIfQuestionId is not { } source || q.ShowIfOptionId is not { } option)
            {
                visible.Add(q.Id);
            }
            else if (visible.Contains(source) && answers.TryGetValue(source, out var answer) && answer.OptionIds is { } chosen && chosen.Contains(option))
            {
                // Conditions point at earlier questions (the builder keeps it so), so one pass in order decides.
                visible.Add(q.Id);
            }
        }

        return visible;
    }

    private string? Problem(QuestionDefinition definition, AnswerInput answer)
    {
        var q = definition.Question;
        var choices = definition.Options.Where(o => o.Role == OptionRole.Choice).Select(o => o.Id).ToHashSet();
        switch (q.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo:
                var chosen = answer.OptionIds ?? [];
                if (chosen.Any(o => !choices.Contains(o)))
                {
                    return text["Answer_OptionUnknown"];
                }

                if (!string.IsNullOrWhiteSpace(answer.Other) && !q.AllowOther)
                {
                    return text["Answer_OtherNotAllowed"];
                }

                if (answer.Other is { Length: > TextLimits.ShortAnswer })
                {
                    return string.Format(CultureInfo.CurrentCulture, text["Answer_TooLong"], TextLimits.ShortAnswer);
                }

                var count = chosen.Distinct().Count() + (string.IsNullOrWhiteSpace(answer.Other) ? 0 : 1);
                if (q.Kind != QuestionKind.MultipleChoice && count > 1)
                {
                    return text["Answer_OnlyOne"];
                }

                return count == 0 ? text["Answer_WrongKind"].Value : null;
            case QuestionKind.Scale:
                return answer.Scale is not { } scale ? text["Answer_WrongKind"].Value
                    : scale < q.ScaleMin || scale > q.ScaleMax ? string.Format(CultureInfo.CurrentCulture, text["Answer_ScaleRange"], q.ScaleMin, q.ScaleMax)
                    : null;
            case QuestionKind.Number:
                if (answer.Number is not { } number)
                {
                    return text["Answer_WrongKind"];
                }

                if ((q.NumberMin is { } min && number < min) || (q.NumberMax is { } max && number > max))
                {
                    return q.NumberMin is not null && q.NumberMax is not null
                        ? string.Format(CultureInfo.CurrentCulture, text["Answer_NumberRange"], q.NumberMin, q.NumberMax)
                        : q.NumberMin is not null
                            ? string.Format(CultureInfo.CurrentCulture, text["Answer_NumberMin"], q.NumberMin)
                            : string.Format(CultureInfo.CurrentCulture, text["Answer_NumberMax"], q.NumberMax);
                }

                return Math.Abs(number) >= 1_000_000_000_000_000m ? text["Answer_NumberTooLarge"].Value : null;
            case QuestionKind.ShortText or QuestionKind.LongText:
                var limit = q.Kind == QuestionKind.ShortText ? TextLimits.ShortAnswer : TextLimits.LongAnswer;
                return string.IsNullOrWhiteSpace(answer.Text) ? text["Answer_WrongKind"].Value
                    : answer.Text.Length > limit ? string.Format(CultureInfo.CurrentCulture, text["Answer_TooLong"], limit)
                    : null;
            case QuestionKind.Date:
                return answer.Date is not { } date ? text["Answer_WrongKind"].Value
                    : date.Year is < 1900 or > 2100 ? text["Answer_DateRange"].Value
                    : null;
            case QuestionKind.Matrix:
                var rows = definition.Options.Where(o => o.Role == OptionRole.MatrixRow).Select(o => o.Id).ToHashSet();
                var cells = answer.Rows ?? [];
                if (cells.Count == 0)
                {
                    return text["Answer_WrongKind"];
                }

                if (cells.Any(c => !rows.Contains(c.RowId)))
                {
                    return text["Answer_OptionUnknown"];
                }

                if (cells.Select(c => c.RowId).Distinct().Count() != cells.Count)
                {
                    return text["Answer_Twice"];
                }

                return cells.Any(c => c.Value < q.ScaleMin || c.Value > q.ScaleMax)
                    ? (string?)string.Format(CultureInfo.CurrentCulture, text["Answer_ScaleRange"], q.ScaleMin, q.ScaleMax)
                    : null;
            default:
                return text["Answer_WrongKind"];
        }
    }

    /// <summary>Keeps only the fields of the question's kind (and trims texts).</summary>
    private static AnswerInput Normalize(QuestionDefinition definition, AnswerInput answer) => definition.Question.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo =>
            new(answer.QuestionId, OptionIds: (answer.OptionIds ?? []).Distinct().ToList(), Other: string.IsNullOrWhiteSpace(answer.Other) ? null : answer.Other.Trim()),
        QuestionKind.Scale => new(answer.QuestionId, Scale: answer.Scale),
        QuestionKind.Number => new(answer.QuestionId, Number: answer.Number),
        QuestionKind.ShortText or QuestionKind.LongText => new(answer.QuestionId, Text: answer.Text!.Trim()),
        QuestionKind.Date => new(answer.QuestionId, Date: answer.Date),
        _ => new(answer.QuestionId, Rows: answer.Rows),
    };

    /// <summary>The answer rows stored for one response (one per option, matrix row or value).</summary>
    public static IEnumerable<Answer> ToRows(Guid responseId, AnswerInput answer)
    {
        Answer Row() => new() { Id = Guid.NewGuid(), ResponseId = responseId, QuestionId = answer.QuestionId };
        foreach (var option in answer.OptionIds ?? [])
        {
            var row = Row();
            row.OptionId = option;
            yield return row;
        }

        if (answer.Other is { } other)
        {
            var row = Row();
            row.TextValue = other;
            yield return row;
        }

        foreach (var cell in answer.Rows ?? [])
        {
            var row = Row();
            row.RowOptionId = cell.RowId;
            row.ScaleValue = cell.Value;
            yield return row;
        }

        if (answer.Scale is not null || answer.Number is not null || answer.Text is not null || answer.Date is not null)
        {
            var row = Row();
            row.ScaleValue = answer.Scale;
            row.NumberValue = answer.Number;
            row.TextValue = answer.Text;
            row.DateValue = answer.Date;
            yield return row;
        }
    }
}
