using System.Globalization;
using Alliance.Shared.Charts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Exports;
using Alliance.Shared.Localization;
using Alliance.Surveys.Resources;
using Alliance.Surveys.Results;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Exports;

/// <summary>
/// The results as a PDF report (staff only) in the reader's language: the survey's key figures, then per question its
/// charts (the same as on the results page, drawn as PNG) with numbered captions, the table of shares per group and
/// against the previous wave, mean and median, matrix rows, dates and the listed free-text answers (attributed only when
/// the survey is not anonymous). Groups under the minimum size carry no figure here either.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record ExportResultsPdf(Guid SurveyId, Breakdown Breakdown = Breakdown.None) : IRequest<ExportFile>;

internal sealed class ExportResultsPdfValidator : AbstractValidator<ExportResultsPdf>
{
    public ExportResultsPdfValidator(IStringLocalizer<ResultsText> text) =>
        RuleFor(r => r.Breakdown).IsInEnum().WithMessage(_ => text["Results_UnknownBreakdown"]);
}

internal sealed class ExportResultsPdfHandler(IMediator mediator, IStringLocalizer<ResultsText> text, IStringLocalizer<SharedText> shared)
    : IRequestHandler<ExportResultsPdf, ExportFile>
{
    /// <summary>Chart pixels: twice the page chart's size, so the picture stays sharp at the PDF's content width.</summary>
    private const int ChartWidth = 1440;

    private const int ChartHeight = 800;

    public async Task<ExportFile> Handle(ExportResultsPdf request, CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new GetSurveyResults(request.SurveyId, request.Breakdown), cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        var title = text["Results_Title", view.Title].Value;
        using var pdf = new PdfReport(title, CultureInfo.CurrentUICulture, shared["Pdf_PageNumber"]);
        pdf.Heading(title);
        foreach (var (label, value) in Facts(view, culture))
        {
            pdf.Paragraph($"{label}: {value}");
        }

        if (view.Breakdown != Breakdown.None)
        {
            pdf.Paragraph(text["Results_PdfBreakdown", text["Breakdown_" + view.Breakdown]], bold: true)
                .Paragraph(text["Results_MinimumGroupNote", view.MinimumGroupSize]);
        }

        if (view.Responses == 0)
        {
            pdf.Paragraph(text["Results_NoResponses"]);
        }
        else if (view.FiguresHidden)
        {
            pdf.Paragraph(text["Results_TooFewResponses", view.MinimumGroupSize]);
        }

        var figure = 0;
        foreach (var question in view.Questions)
        {
            pdf.Heading($"{question.Number}. {question.Text}", level: 2)
                .Paragraph(text["Results_Answered", question.Answered]);
            foreach (var chart in ResultCharts.For(view, question, text, culture))
            {
                figure++;
                var caption = text["Results_PdfFigure", figure, chart.Spec.Title].Value;
                pdf.Image(Charts.Png(chart.Spec, ChartWidth, ChartHeight), chart.Description is null ? caption : $"{caption}. {chart.Description}");
            }

            Figures(pdf, view, question, culture);
        }

        return new ExportFile($"results-{view.SurveyId:N}-wave-{view.Wave}.pdf", ExportFile.Pdf, pdf.ToArray());
    }

    private List<(string Label, string Value)> Facts(SurveyResultsView view, CultureInfo culture)
    {
        var facts = new List<(string, string)>
        {
            (text["Results_Wave"], view.Wave.ToString(culture)),
            (text["Results_Responses"], view.Responses.ToString("#,##0", culture)),
        };
        if (view.ResponseRatePercent is { } rate)
        {
            facts.Add((text["Results_ResponseRate"], $"{Percent(rate, culture)} ({text["Results_OfInvited", view.Responses, view.Invitations]})"));
        }

        if (view.PreviousWave is { } previous)
        {
            facts.Add((text["Results_ComparedWith"], $"{text["Results_WaveNamed", previous.Wave, previous.Title]} ({text["Results_ResponsesCount", previous.Responses]}{(previous.FiguresHidden ? "; " + text["Results_PreviousTooFew", view.MinimumGroupSize] : "")})"));
        }

        facts.Add((text["Results_Anonymity"], view.Anonymous ? text["Results_Anonymous"] : text["Results_Attributed"]));
        return facts;
    }

    /// <summary>The question's figures as tables, like the results page shows them.</summary>
    private void Figures(PdfReport pdf, SurveyResultsView view, QuestionResult question, CultureInfo culture)
    {
        var compared = question.ComparedWithPreviousWave && view.PreviousWave is not null;
        if (question.Choices.Count > 0)
        {
            var headers = new List<string> { text["Results_Answer"], text["Results_Count"], text["Results_Share"] };
            headers.AddRange(view.Groups.Select(g => g.Label));
            if (compared)
            {
                headers.Add(text["Results_PreviousWaveShare", view.PreviousWave!.Wave]);
                headers.Add(text["Results_Change"]);
            }

            var rows = question.Choices.Select(choice =>
            {
                var cells = new List<string> { choice.Label, choice.Count.ToString("#,##0", culture), Percent(choice.Percent, culture) };
                cells.AddRange(view.Groups.Select((_, i) => choice.ByGroup.ElementAtOrDefault(i) is { } cell ? Percent(cell.Percent, culture) : Hidden(view)));
                if (compared)
                {
                    cells.Add(choice.PreviousPercent is { } p ? Percent(p, culture) : "–");
                    cells.Add(choice.ChangePoints is { } change ? text["Results_Points", change.ToString("+0.0;−0.0;0.0", culture)] : "–");
                }

                return (IReadOnlyList<string>)cells;
            }).ToList();
            pdf.Table(headers, rows, Widths(headers.Count), Enumerable.Range(1, headers.Count - 1).ToArray());
        }

        if (question.Summary is { } summary)
        {
            var headers = new List<string> { text["Results_Group"], text["Results_Mean"], text["Results_Median"] };
            var rows = new List<IReadOnlyList<string>>
            {
                new[] { text["Results_Overall"].Value, Number(summary.Mean, culture) + MeanChange(summary, culture), Number(summary.Median, culture) },
            };
            rows.AddRange(view.Groups.Select((group, i) => summary.ByGroup.ElementAtOrDefault(i) is { } cell
                ? new[] { group.Label, Number(cell.Mean, culture), Number(cell.Median, culture) }
                : new[] { group.Label, Hidden(view), Hidden(view) }));
            pdf.Table(headers, rows, [2, 1, 1], [1, 2]);
        }

        if (question.Rows.Count > 0)
        {
            var headers = new List<string> { text["Results_Row"] };
            headers.AddRange(question.Rows[0].Scale.Select(v => v.Label));
            headers.Add(text["Results_Mean"]);
            headers.Add(text["Results_Median"]);
            var rows = question.Rows.Select(row =>
            {
                var cells = new List<string> { row.Label };
                cells.AddRange(row.Scale.Select(v => Percent(v.Percent, culture)));
                cells.Add(row.Summary is { } s ? Number(s.Mean, culture) + MeanChange(s, culture) : "–");
                cells.Add(row.Summary is { } s2 ? Number(s2.Median, culture) : "–");
                return (IReadOnlyList<string>)cells;
            }).ToList();
            pdf.Table(headers, rows, Widths(headers.Count), Enumerable.Range(1, headers.Count - 1).ToArray());
        }

        if (question.Earliest is { } earliest && question.Latest is { } latest)
        {
            pdf.Paragraph(text["Results_DateRange", earliest.ToString("d", culture), latest.ToString("d", culture)]);
        }

        if (question.Texts.Count > 0)
        {
            pdf.Heading(text["Results_Texts", question.TextCount], level: 3);
            foreach (var answer in question.Texts)
            {
                var suffix = (answer.Organization is { } organization ? $" — {organization}" : "") + (answer.IsOther ? $" ({text["Results_Other"]})" : "");
                pdf.Paragraph("• " + answer.Text + suffix);
            }

            if (question.TextCount > question.Texts.Count)
            {
                pdf.Paragraph(text["Results_MoreTexts", question.TextCount - question.Texts.Count]);
            }
        }
    }

    private string MeanChange(ValueSummary summary, CultureInfo culture) =>
        summary.MeanChange is { } change ? $" ({text["Results_MeanChange", change.ToString("+0.##;−0.##;0", culture)]})" : "";

    private string Hidden(SurveyResultsView view) => text["Results_FewerThan", view.MinimumGroupSize];

    /// <summary>The first column (labels) twice as wide as each figure column.</summary>
    private static double[] Widths(int columns) => [2, .. Enumerable.Repeat(1.0, columns - 1)];

    private static string Percent(double value, CultureInfo culture) => value.ToString("0.0", culture) + " %";

    private static string Number(double value, CultureInfo culture) => value.ToString("0.##", culture);
}
