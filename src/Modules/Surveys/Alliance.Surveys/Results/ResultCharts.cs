using System.Globalization;
using Alliance.Shared.Charts;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Resources;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Results;

/// <summary>One chart of a question's results with the sentence shown under its title.</summary>
/// <param name="Id">Element id of the figure on the page (unique within the page).</param>
internal sealed record ResultChart(string Id, ChartSpec Spec, string? Description);

/// <summary>
/// The charts of a question's results, for the page (SVG through <c>&lt;Chart&gt;</c>) and the PDF (PNG): shares of a
/// choice question as bars, the distribution of a scale (columns) and of a matrix (stacked bars per row), number
/// ranges, the shares per group of the breakdown, and the previous wave beside this one. Built only from the view,
/// so a hidden group — which carries no figure there — never becomes a bar.
/// </summary>
internal static class ResultCharts
{
    /// <summary>The charts of <paramref name="question"/>; none when nobody answered it (a picture of zeros says nothing).</summary>
    public static IReadOnlyList<ResultChart> For(SurveyResultsView view, QuestionResult question, IStringLocalizer<ResultsText> text, CultureInfo culture)
    {
        if (question.Answered == 0 || !Enum.TryParse<QuestionKind>(question.Kind, out var kind))
        {
            return [];
        }

        var charts = new List<ResultChart>();
        var id = $"chart-{question.Number}";
        switch (kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo when question.Choices.Count > 0:
                charts.Add(Shares(view, question, ChartKind.HorizontalBar, text["Results_ChartShares", question.Number], text["Results_Answer"],
                    kind == QuestionKind.MultipleChoice, text, culture, id));
                charts.AddRange(ByGroup(view, question, ChartKind.HorizontalBar, text["Results_Answer"], text, culture, id));
                break;
            case QuestionKind.Scale when question.Choices.Count > 0:
                charts.Add(Shares(view, question, ChartKind.Column, text["Results_ChartDistribution", question.Number], text["Results_Value"],
                    several: false, text, culture, id));
                charts.AddRange(ByGroup(view, question, ChartKind.Column, text["Results_Value"], text, culture, id));
                break;
            case QuestionKind.Number when question.Choices.Count > 0:
                var ranges = new ChartSpec(text["Results_ChartRanges", question.Number], ChartKind.Histogram,
                    question.Choices.Select(c => c.Label).ToList(),
                    [new ChartSeries(text["Results_Count"], question.Choices.Select(c => (double)c.Count).ToList())], culture)
                {
                    CategoryAxisLabel = text["Results_Value"],
                    ValueAxisLabel = text["Results_Count"],
                    ValueFormat = "#,##0",
                    WholeNumbers = true,
                };
                charts.Add(new ResultChart(id, ranges, null));
                break;
            case QuestionKind.Matrix when question.Rows.Count > 0:
                charts.AddRange(Matrix(view, question, text, culture, id));
                break;
        }

        return charts;
    }

    /// <summary>The shares overall, with the previous wave as a second series when the question is compared.</summary>
    private static ResultChart Shares(SurveyResultsView view, QuestionResult question, ChartKind kind, string title, string categoryLabel,
        bool several, IStringLocalizer<ResultsText> text, CultureInfo culture, string id)
    {
        var series = new List<ChartSeries>();
        var notes = new List<string> { text["Results_ChartBase", question.Answered] };
        if (question.ComparedWithPreviousWave && view.PreviousWave is { } previous)
        {
            series.Add(new ChartSeries(text["Results_WaveSeries", previous.Wave], question.Choices.Select(c => c.PreviousPercent ?? 0).ToList()));
            series.Add(new ChartSeries(text["Results_WaveSeries", view.Wave], question.Choices.Select(c => c.Percent).ToList()));
            if (question.Choices.Any(c => c.PreviousPercent is null))
            {
                notes.Add(text["Results_ChartNotBefore", previous.Wave]);
            }
        }
        else
        {
            series.Add(new ChartSeries(text["Results_SharePercent"], question.Choices.Select(c => c.Percent).ToList()));
        }

        if (several)
        {
            notes.Add(text["Results_ChartSeveral"]);
        }

        return new ResultChart(id, Percent(new ChartSpec(title, kind, question.Choices.Select(c => c.Label).ToList(), series, culture), categoryLabel, text),
            string.Join(' ', notes));
    }

    /// <summary>The shares per visible group of the breakdown; nothing when there is no breakdown or every group is hidden.</summary>
    private static IEnumerable<ResultChart> ByGroup(SurveyResultsView view, QuestionResult question, ChartKind kind, string categoryLabel,
        IStringLocalizer<ResultsText> text, CultureInfo culture, string id)
    {
        var series = new List<ChartSeries>();
        for (var i = 0; i < view.Groups.Count; i++)
        {
            var index = i;
            // A hidden group has no cells in the view; skipping it here is what keeps it out of the picture and the table.
            if (view.Groups[i].Hidden || question.Choices.Any(c => c.ByGroup.ElementAtOrDefault(index) is null))
            {
                continue;
            }

            series.Add(new ChartSeries(view.Groups[i].Label, question.Choices.Select(c => c.ByGroup[index]!.Percent).ToList()));
        }

        if (series.Count == 0)
        {
            yield break;
        }

        var title = text["Results_ChartByGroup", question.Number, text["Breakdown_" + view.Breakdown]];
        var description = view.AnyGroupHidden ? text["Results_ChartHiddenGroups", view.MinimumGroupSize].Value : null;
        yield return new ResultChart(id + "-groups", Percent(new ChartSpec(title, kind, question.Choices.Select(c => c.Label).ToList(), series, culture),
            categoryLabel, text), description);
    }

    /// <summary>A matrix: each row's distribution over the scale as one stacked bar; beside the previous wave, the rows' means.</summary>
    private static IEnumerable<ResultChart> Matrix(SurveyResultsView view, QuestionResult question, IStringLocalizer<ResultsText> text, CultureInfo culture, string id)
    {
        var rows = question.Rows.Select(r => r.Label).ToList();
        var scale = question.Rows[0].Scale.Select(v => v.Label).ToList();
        var series = scale.Select((label, i) => new ChartSeries(label, question.Rows.Select(r => r.Scale.ElementAtOrDefault(i)?.Percent ?? 0).ToList())).ToList();
        yield return new ResultChart(id, Percent(new ChartSpec(text["Results_ChartDistribution", question.Number], ChartKind.StackedBar, rows, series, culture),
            text["Results_Row"], text), null);

        if (question.ComparedWithPreviousWave && view.PreviousWave is { } previous && question.Rows.Any(r => r.Summary?.PreviousMean is not null))
        {
            var compared = question.Rows.Where(r => r.Summary is not null).ToList();
            var means = new ChartSpec(text["Results_ChartMeans", question.Number], ChartKind.HorizontalBar, compared.Select(r => r.Label).ToList(),
                [
                    new ChartSeries(text["Results_WaveSeries", previous.Wave], compared.Select(r => r.Summary!.PreviousMean ?? 0).ToList()),
                    new ChartSeries(text["Results_WaveSeries", view.Wave], compared.Select(r => Math.Round(r.Summary!.Mean, 2)).ToList()),
                ], culture)
            {
                CategoryAxisLabel = text["Results_Row"],
                ValueAxisLabel = text["Results_Mean"],
            };
            yield return new ResultChart(id + "-means", means,
                compared.Any(r => r.Summary!.PreviousMean is null) ? text["Results_ChartNotBefore", previous.Wave].Value : null);
        }
    }

    private static ChartSpec Percent(ChartSpec spec, string categoryLabel, IStringLocalizer<ResultsText> text) => spec with
    {
        CategoryAxisLabel = categoryLabel,
        ValueAxisLabel = text["Results_ChartPercentAxis"],
        ValueFormat = "0.0",
    };
}
