using Alliance.Shared.Exports;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Exports;

/// <summary>
/// The results as a flat table of figures (one row per option, scale value, matrix row × value, mean and median):
/// for the results workbook and for the PDF's tables. Shares are percent numbers, hidden groups are empty with a note
/// in the header.
/// </summary>
internal static class ResultFigureRows
{
    /// <summary>One line of figures; <see cref="Percent"/> null for a value row (mean, median, date).</summary>
    internal sealed record FigureRow(int Number, string Question, string Item, int? Count, double? Percent, object? Value,
        IReadOnlyList<double?> ByGroup, double? PreviousPercent, double? ChangePoints);

    /// <summary>Every figure of the view, question by question.</summary>
    public static List<FigureRow> Rows(SurveyResultsView view, IStringLocalizer<ResultsText> text)
    {
        var rows = new List<FigureRow>();
        if (view.FiguresHidden && view.Responses > 0)
        {
            // The sheet says why it holds no figure instead of looking empty.
            rows.Add(new FigureRow(0, text["Results_TooFewResponses", view.MinimumGroupSize], "", null, null, null, [], null, null));
        }

        foreach (var question in view.Questions)
        {
            var answered = new FigureRow(question.Number, question.Text, text["Results_AnsweredHeader"], question.Answered, null, null,
                question.AnsweredByGroup.Select(n => (double?)n).ToList(), null, null);
            rows.Add(answered);
            foreach (var choice in question.Choices)
            {
                rows.Add(new FigureRow(question.Number, question.Text, choice.Label, choice.Count, choice.Percent, null,
                    choice.ByGroup.Select(c => c?.Percent).ToList(), choice.PreviousPercent, choice.ChangePoints));
            }

            if (question.Summary is { } summary)
            {
                rows.Add(new FigureRow(question.Number, question.Text, text["Results_Mean"], summary.Count, null, Math.Round(summary.Mean, 2),
                    summary.ByGroup.Select(g => g is null ? null : (double?)Math.Round(g.Mean, 2)).ToList(), null, summary.MeanChange));
                rows.Add(new FigureRow(question.Number, question.Text, text["Results_Median"], summary.Count, null, summary.Median,
                    summary.ByGroup.Select(g => g?.Median).ToList(), null, null));
            }

            foreach (var row in question.Rows)
            {
                foreach (var value in row.Scale)
                {
                    rows.Add(new FigureRow(question.Number, question.Text, $"{row.Label}: {value.Label}", value.Count, value.Percent, null,
                        value.ByGroup.Select(c => c?.Percent).ToList(), value.PreviousPercent, value.ChangePoints));
                }

                if (row.Summary is { } rowSummary)
                {
                    rows.Add(new FigureRow(question.Number, question.Text, $"{row.Label}: {text["Results_Mean"]}", rowSummary.Count, null,
                        Math.Round(rowSummary.Mean, 2), rowSummary.ByGroup.Select(g => g is null ? null : (double?)Math.Round(g.Mean, 2)).ToList(), null, rowSummary.MeanChange));
                }
            }

            if (question.Earliest is { } earliest && question.Latest is { } latest)
            {
                rows.Add(new FigureRow(question.Number, question.Text, text["Results_Earliest"], null, null, earliest, [], null, null));
                rows.Add(new FigureRow(question.Number, question.Text, text["Results_Latest"], null, null, latest, [], null, null));
            }

            if (question.TextCount > 0)
            {
                rows.Add(new FigureRow(question.Number, question.Text, text["Results_TextAnswers"], question.TextCount, null, null, [], null, null));
            }
        }

        return rows;
    }

    /// <summary>The columns: question, item, count, share, value, one per group, previous wave and change.</summary>
    public static List<ExportColumn<FigureRow>> Columns(SurveyResultsView view, IStringLocalizer<ResultsText> text)
    {
        var columns = new List<ExportColumn<FigureRow>>
        {
            new(text["Results_QuestionNumber"], r => r.Number, 8),
            new(text["Results_Question"], r => r.Question, 50),
            new(text["Results_Answer"], r => r.Item, 30),
            new(text["Results_Count"], r => r.Count, 10),
            new(text["Results_SharePercent"], r => r.Percent, 12),
            new(text["Results_Value"], r => r.Value, 12),
        };
        for (var i = 0; i < view.Groups.Count; i++)
        {
            var index = i;
            var group = view.Groups[i];
            var header = group.Hidden ? $"{group.Label} ({text["Results_FewerThan", view.MinimumGroupSize]})" : group.Label;
            columns.Add(new ExportColumn<FigureRow>(header, r => r.ByGroup.ElementAtOrDefault(index), 14));
        }

        if (view.PreviousWave is { FiguresHidden: false } previous)
        {
            columns.Add(new ExportColumn<FigureRow>(text["Results_PreviousWavePercent", previous.Wave], r => r.PreviousPercent, 14));
            columns.Add(new ExportColumn<FigureRow>(text["Results_ChangePoints"], r => r.ChangePoints, 14));
        }

        return columns;
    }
}
