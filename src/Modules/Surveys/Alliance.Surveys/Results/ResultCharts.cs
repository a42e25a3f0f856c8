using System.Globalization;
using Alliance.Shared.Charts;
using Alliance.Surveys.Resources;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Results;

/// <summary>
/// The chart of a question's results, drawn by the kernel (<see cref="Charts"/>, the <c>&lt;Chart&gt;</c> component):
/// bars of shares for choices (beside the previous wave's), the distribution of a scale, number ranges, and a matrix's
/// rows stacked over the scale. Its data table is the text alternative.
/// </summary>
internal static class ResultCharts
{
    /// <summary>The chart of <paramref name="question"/>, or null when it has nothing to draw (texts, dates, no answers).</summary>
    public static ChartSpec? For(QuestionResult question, SurveyResultsView view, IStringLocalizer<ResultsText> text, CultureInfo culture)
    {
        if (question.Answered == 0)
        {
            return null;
        }

        var title = $"{question.Number}. {question.Text}";
        if (question.Rows.Count > 0)
        {
            var values = question.Rows[0].Scale.Select(v => v.Label).ToList();
            var series = values.Select((value, i) => new ChartSeries(value, question.Rows.Select(r => r.Scale[i].Percent).ToList())).ToList();
            return new ChartSpec(title, ChartKind.StackedBar, question.Rows.Select(r => r.Label).ToList(), series, culture)
            {
                CategoryAxisLabel = text["Results_Row"],
                ValueAxisLabel = text["Results_SharePercent"],
                ValueFormat = "0.0",
            };
        }

        if (question.Choices.Count == 0)
        {
            return null;
        }

        if (question.Kind == nameof(Domain.QuestionKind.Number))
        {
            return new ChartSpec(title, ChartKind.Histogram, question.Choices.Select(c => c.Label).ToList(),
                [new ChartSeries(text["Results_Count"], question.Choices.Select(c => (double)c.Count).ToList())], culture)
            {
                CategoryAxisLabel = text["Results_Value"],
                ValueAxisLabel = text["Results_Count"],
                ValueFormat = "#,##0",
            };
        }

        var shares = new List<ChartSeries> { new(text["Results_WaveShare", view.Wave], question.Choices.Select(c => c.Percent).ToList()) };
        if (question.ComparedWithPreviousWave && view.PreviousWave is { } previous)
        {
            shares.Add(new ChartSeries(text["Results_WaveShare", previous.Wave], question.Choices.Select(c => c.PreviousPercent ?? 0).ToList()));
        }

        return new ChartSpec(title, question.Kind == nameof(Domain.QuestionKind.Scale) ? ChartKind.Column : ChartKind.HorizontalBar,
            question.Choices.Select(c => c.Label).ToList(), shares, culture)
        {
            CategoryAxisLabel = text["Results_Answer"],
            ValueAxisLabel = text["Results_SharePercent"],
            ValueFormat = "0.0",
        };
    }
}
