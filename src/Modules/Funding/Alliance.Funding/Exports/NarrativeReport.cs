using System.Globalization;
using Alliance.Funding.Common;
using Alliance.Funding.Domain;
using Alliance.Funding.Pages;
using Alliance.Funding.Persistence;
using Alliance.Funding.Reports;
using Alliance.Funding.Resources;
using Alliance.Shared.Charts;
using Alliance.Shared.Exports;
using Alliance.Shared.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Exports;

/// <summary>
/// The narrative report (Sachbericht) of one drafted report, for the funder: the period, the narrative sections staff
/// wrote (goals, work done per work package, results, deviations, outlook), the period's figures from every module with
/// the charts of the report page (participants by partner group and over time, drawn as PNG by the kernel's charts) and
/// the money of the period with a budget-burn chart (budget against expenses per cost category). One layout, written
/// through the kernel's <see cref="DocxReport"/> (editable, since reports are edited before submission) or
/// <see cref="PdfReport"/>, in the current UI culture.
/// </summary>
internal sealed class NarrativeReport(FundingDbContext db, IStringLocalizer<FundingText> text, IStringLocalizer<SharedText> shared)
{
    /// <summary>What the document is made of.</summary>
    internal sealed record Content(string ApplicationTitle, ReportKind Kind, DateOnly From, DateOnly To, DateOnly Due, ReportFigures Figures,
        string? Goals, IReadOnlyList<WorkPackageNarrative> WorkDone, string? Results, string? Deviations, string? Outlook);

    /// <summary>The report and its period, as stored (the figures it was drafted or submitted with).</summary>
    public async Task<Content> LoadAsync(Guid reportId, CancellationToken ct)
    {
        var row = await (from report in db.Reports.AsNoTracking()
                         join period in db.ReportingPeriods on report.ReportingPeriodId equals period.Id
                         join application in db.Applications on report.ApplicationId equals application.Id
                         where report.ReportingPeriodId == reportId
                         select new { Report = report, Period = period, application.Title }).SingleAsync(ct);
        var r = row.Report;
        return new Content(row.Title, row.Period.Kind, row.Period.From, row.Period.To, row.Period.Due, ReportFigures.FromJson(r.Figures),
            r.Goals, WorkPackageNarrative.FromJson(r.WorkDone), r.Results, r.Deviations, r.Outlook);
    }

    /// <summary>The title of the document and its file name stem.</summary>
    public string Title(Content c) => $"{text["Report_Narrative"]}: {c.ApplicationTitle}";

    /// <summary>The Word document.</summary>
    public byte[] Docx(Content content, CultureInfo culture)
    {
        using var document = new DocxReport(Title(content), culture, shared["Pdf_PageNumber"]);
        Write(new DocxTarget(document), content, culture);
        return document.ToArray();
    }

    /// <summary>The PDF.</summary>
    public byte[] Pdf(Content content, CultureInfo culture)
    {
        using var document = new PdfReport(Title(content), culture, shared["Pdf_PageNumber"]);
        Write(new PdfTarget(document), content, culture);
        return document.ToArray();
    }

    /// <summary>Budget against expenses of the period per cost category (the budget burn); null without a budget.</summary>
    public ChartSpec? BudgetBurn(ReportFigures figures, CultureInfo culture)
    {
        var categories = figures.Finance.BudgetVsActual.GroupBy(r => r.Category)
            .Select(g => (Label: CostCategories.Label(text, g.Key), Budget: g.Sum(r => r.Budget), Actual: g.Sum(r => r.Actual))).ToList();
        if (categories.Count == 0)
        {
            return null;
        }

        return new ChartSpec(text["Export_Chart_BudgetBurn"], ChartKind.Column, [.. categories.Select(c => c.Label)],
            [new ChartSeries(text["Report_Budget"], [.. categories.Select(c => (double)c.Budget)]),
             new ChartSeries(text["Report_Actual"], [.. categories.Select(c => (double)c.Actual)])],
            culture)
        {
            CategoryAxisLabel = text["Budget_Category"],
            ValueAxisLabel = text["Amount_Euro"],
            ValueFormat = "#,##0",
        };
    }

    private void Write(ITarget doc, Content c, CultureInfo culture)
    {
        string Day(DateOnly day) => day.ToString("d", culture);
        string Count(int value) => value.ToString("N0", culture);
        string Money(decimal value) => string.Format(culture, "{0:N2} €", value);
        string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "–" : value;

        doc.Heading(Title(c), 1);
        doc.Paragraph($"{text[$"ReportKind_{c.Kind}"]} · {text["Report_Period"]}: {Day(c.From)} – {Day(c.To)} · {text["Report_Due"]}: {Day(c.Due)}");

        doc.Heading(text["Narrative_Goals"], 2);
        doc.Paragraph(Or(c.Goals));
        foreach (var w in c.WorkDone)
        {
            doc.Heading(string.Format(culture, text["Narrative_WorkDone"], w.Number, w.Title), 2);
            doc.Paragraph(Or(w.Text));
        }

        doc.Heading(text["Narrative_Results"], 2);
        doc.Paragraph(Or(c.Results));
        doc.Heading(text["Narrative_Deviations"], 2);
        doc.Paragraph(Or(c.Deviations));
        doc.Heading(text["Narrative_Outlook"], 2);
        doc.Paragraph(Or(c.Outlook));

        var f = c.Figures;
        doc.Heading(text["Report_Meetings"], 2);
        if (f.Meetings is { } m)
        {
            doc.Table([text["Export_Figure"], text["Export_Value"]],
            [
                [text["Report_MeetingsHeld"], Count(m.MeetingsHeld)],
                [text["Report_Attendances"], Count(m.Attendances)],
                [text["Report_DistinctPeople"], Count(m.DistinctPeople)],
                [text["Report_DistinctOrganizations"], Count(m.DistinctOrganizations)],
            ], [3, 1], [1]);
            if (ReportCharts.ParticipantsByPartnerGroup(f, text, culture) is { } byGroup)
            {
                doc.Image(Charts.Png(byGroup, 1200, 120 + 60 * byGroup.Categories.Count), byGroup.Title);
            }

            if (ReportCharts.ParticipantsOverTime(f, text, culture) is { } overTime)
            {
                doc.Image(Charts.Png(overTime, 1200, 700), overTime.Title);
            }
        }
        else
        {
            doc.Paragraph(text["Report_ModuleAbsent"]);
        }

        doc.Heading(text["Report_Members"], 2);
        doc.Table([text["Report_PartnerGroup"], text["Report_MembersAtEnd"], text["Report_Joined"], text["Report_Left"]],
            [.. f.Members.ByPartnerGroup.Select(g => (IReadOnlyList<string>)[ReportCharts.GroupLabel(g.PartnerGroup, text), Count(g.MembersAtEnd), Count(g.Joined), Count(g.Left)]),
             [text["Budget_Sum"], Count(f.Members.MembersAtEnd), Count(f.Members.Joined), Count(f.Members.Left)]],
            [3, 1, 1, 1], [1, 2, 3]);

        if (f.Labs is { } l)
        {
            doc.Heading(text["Report_Labs"], 2);
            doc.Paragraph($"{text["Report_ActiveLabs"]}: {string.Format(culture, text["Report_ActiveLabsText"], l.ActiveLabs, l.ActiveWorkingLabs, l.ActiveProgrammes)}");
            doc.Paragraph(string.Format(culture, text["Report_OutcomesText"], l.Outcomes.Concepts, l.Outcomes.Recommendations, l.Outcomes.PilotProjects));
            doc.Paragraph(string.Format(culture, text["Report_MatchingText"], l.Matching.NeedsPosted, l.Matching.OffersPosted, l.Matching.MatchesMade, l.Matching.NeedsMatched, l.Matching.MatchesRealised));
        }

        if (f.Surveys is { } s)
        {
            doc.Heading(text["Report_Surveys"], 2);
            doc.Paragraph(string.Format(culture, text["Report_SurveysText"], s.SurveysRun, s.Invited, s.Responded,
                s.ResponseRate is { } rate ? rate.ToString("P0", culture) : "–"));
        }

        doc.Heading(text["Report_Finance"], 2);
        var money = f.Finance;
        doc.Table([text["Budget_Year"], text["Budget_Category"], text["Report_Budget"], text["Report_Actual"], text["Report_Remaining"]],
            [.. money.BudgetVsActual.Select(r => (IReadOnlyList<string>)[r.Year.ToString(CultureInfo.InvariantCulture), CostCategories.Label(text, r.Category), Money(r.Budget), Money(r.Actual), Money(r.Remaining)]),
             ["", text["Budget_Sum"], Money(money.Budget), Money(money.Expenses), Money(money.Budget - money.Expenses)]],
            [1, 2.5, 2, 2, 2], [2, 3, 4]);
        doc.Paragraph($"{text["Report_Granted"]}: {Money(money.Granted)} · {text["Report_Drawn"]}: {Money(money.Drawn)}");
        if (BudgetBurn(f, culture) is { } burn)
        {
            doc.Image(Charts.Png(burn, 1200, 650), burn.Title);
        }
    }

    /// <summary>The calls both document writers share (they have the same shape but no common type).</summary>
    private interface ITarget
    {
        void Heading(string text, int level);
        void Paragraph(string text);
        void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> widths, IReadOnlyCollection<int> rightAligned);
        void Image(byte[] png, string caption);
    }

    private sealed class DocxTarget(DocxReport d) : ITarget
    {
        public void Heading(string text, int level) => d.Heading(text, level);
        public void Paragraph(string text) => d.Paragraph(text);
        public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> widths, IReadOnlyCollection<int> rightAligned) =>
            d.Table(headers, rows, widths, rightAligned);
        public void Image(byte[] png, string caption) => d.Image(png, caption);
    }

    private sealed class PdfTarget(PdfReport d) : ITarget
    {
        public void Heading(string text, int level) => d.Heading(text, level);
        public void Paragraph(string text) => d.Paragraph(text);
        public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double> widths, IReadOnlyCollection<int> rightAligned) =>
            d.Table(headers, rows, widths, rightAligned);
        public void Image(byte[] png, string caption) => d.Image(png, caption);
    }
}
