using System.Globalization;
using Alliance.Surveys.Answering;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Shared.Web;
using Microsoft.AspNetCore.Http;

namespace Alliance.Surveys.Pages.Answer;

/// <summary>
/// The answer form's field names and how a posted form becomes answers. A question's field is <c>q-{id}</c>
/// (radio, checkboxes, text, number, date), its "other" text <c>q-{id}-other</c>, a matrix row <c>q-{id}-{rowId}</c>.
/// </summary>
internal static class AnswerFields
{
    public const string Other = "other";

    public static string Name(Guid questionId) => "q-" + questionId.ToString("N");

    public static string OtherName(Guid questionId) => Name(questionId) + "-other";

    public static string RowName(Guid questionId, Guid rowId) => Name(questionId) + "-" + rowId.ToString("N");

    /// <summary>
    /// The answers of the questions that were on the page (<paramref name="shown"/>); answers to other questions stay
    /// as they were. Text that is not a number or a date gives an error for that question (by id).
    /// </summary>
    public static Dictionary<Guid, AnswerInput> Read(IFormCollection form, IEnumerable<QuestionView> questions, ISet<Guid> shown,
        IReadOnlyDictionary<Guid, AnswerInput> before, Dictionary<Guid, string> errors, string notANumber, string notADate)
    {
        var answers = before.Where(a => !shown.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value);
        foreach (var q in questions.Where(q => shown.Contains(q.Id)))
        {
            var values = form[Name(q.Id)].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            var first = values.FirstOrDefault()?.Trim();
            AnswerInput? answer = null;
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo:
                    var ids = values.Where(v => v != Other).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).ToList();
                    var other = values.Contains(Other) ? form[OtherName(q.Id)].ToString() : null;
                    answer = new AnswerInput(q.Id, OptionIds: ids, Other: string.IsNullOrWhiteSpace(other) ? null : other);
                    break;
                case QuestionKind.Scale:
                    answer = new AnswerInput(q.Id, Scale: int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var scale) ? scale : null);
                    break;
                case QuestionKind.Number when !string.IsNullOrEmpty(first):
                    if (first.Length <= FormFields.NumberLength
                        && (decimal.TryParse(first, NumberStyles.Number, CultureInfo.CurrentCulture, out var number)
                            || decimal.TryParse(first, NumberStyles.Number, CultureInfo.InvariantCulture, out number)))
                    {
                        answer = new AnswerInput(q.Id, Number: number);
                    }
                    else
                    {
                        errors[q.Id] = notANumber;
                    }

                    break;
                case QuestionKind.ShortText or QuestionKind.LongText:
                    answer = new AnswerInput(q.Id, Text: form[Name(q.Id)].ToString());
                    break;
                case QuestionKind.Date when !string.IsNullOrEmpty(first):
                    if (DateOnly.TryParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        answer = new AnswerInput(q.Id, Date: date);
                    }
                    else
                    {
                        errors[q.Id] = notADate;
                    }

                    break;
                case QuestionKind.Matrix:
                    var cells = q.Options
                        .Select(row => (row.Id, Value: form[RowName(q.Id, row.Id)].ToString()))
                        .Where(c => int.TryParse(c.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                        .Select(c => new MatrixCell(c.Id, int.Parse(c.Value, CultureInfo.InvariantCulture)))
                        .ToList();
                    answer = new AnswerInput(q.Id, Rows: cells);
                    break;
            }

            if (answer is { IsEmpty: false })
            {
                answers[q.Id] = answer;
            }
        }

        return answers;
    }

    /// <summary>Errors of an outcome by question (property <c>Answers.{id}</c>).</summary>
    public static Dictionary<Guid, string> ByQuestion(IReadOnlyDictionary<string, string[]> fieldErrors)
    {
        var result = new Dictionary<Guid, string>();
        foreach (var (field, messages) in fieldErrors)
        {
            var dot = field.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && Guid.TryParse(field[(dot + 1)..], out var id))
            {
                result[id] = string.Join(" ", messages);
            }
        }

        return result;
    }
}
