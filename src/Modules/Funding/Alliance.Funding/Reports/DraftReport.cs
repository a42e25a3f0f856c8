using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Funding.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Reports;

/// <summary>
/// Drafts the report of an ended reporting period, or (<paramref name="Refresh"/>) collects the figures of an existing
/// draft again. Sent by the report jobs and by staff's "draft now" (<see cref="DraftReportNow"/>). A first draft stores the figures and one empty narrative per work
/// package and mails the staff member who recorded the approval that it is ready; a period that already has its
/// report is left alone (true idempotence: the report's key is the period, so a second draft cannot be stored), a
/// refresh keeps the narrative (texts of work packages added since get an empty one) and does nothing to a submitted
/// report. Returns whether a new draft was made. 404 for an unknown period, 409 while the period has not ended and for
/// a new draft of an application without a grant (approved, partially approved, running or closed; a withdrawn one
/// keeps its periods but gets no reports).
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record DraftReport(Guid ReportingPeriodId, bool Refresh = false) : IRequest<bool>;

internal sealed class DraftReportHandler(
    FundingDbContext db, ReportFiguresCollector collector, IMediator mediator, EmailComposer composer, IStringLocalizer<FundingText> text, TimeProvider clock)
    : IRequestHandler<DraftReport, bool>
{
    public async Task<bool> Handle(DraftReport request, CancellationToken cancellationToken)
    {
        var period = await db.ReportingPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ReportingPeriodId, cancellationToken)
            ?? throw NotFoundException.For("ReportingPeriod", request.ReportingPeriodId);
        if (period.To >= AllianceTime.Today(clock))
        {
            throw new ConflictException(text["Report_PeriodNotEnded"]);
        }

        var report = await db.Reports.FirstOrDefaultAsync(r => r.ReportingPeriodId == period.Id, cancellationToken);
        if ((report is not null && !request.Refresh) || report?.SubmittedAt is not null)
        {
            return false;
        }

        if (report is null && !await db.Applications.AnyAsync(a => a.Id == period.ApplicationId && ReportStates.Granted.Contains(a.Status), cancellationToken))
        {
            throw new ConflictException(text["Report_NotGranted"]);
        }

        var figures = await collector.CollectAsync(period, cancellationToken);
        var packages = await db.WorkPackages.AsNoTracking().Where(w => w.ApplicationId == period.ApplicationId).OrderBy(w => w.Number).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (report is null)
        {
            db.Reports.Add(new Report
            {
                ReportingPeriodId = period.Id, ApplicationId = period.ApplicationId, Figures = figures.ToJson(), DraftedAt = now, FiguresAt = now,
                WorkDone = WorkPackageNarrative.ToJson([.. packages.Select(w => new WorkPackageNarrative(w.Id, w.Number, w.Title, null))]),
            });
            await TellApproverAsync(period, cancellationToken);
            return true;
        }

        var texts = WorkPackageNarrative.FromJson(report.WorkDone).ToDictionary(w => w.WorkPackageId, w => w.Text);
        report.WorkDone = WorkPackageNarrative.ToJson([.. packages.Select(w => new WorkPackageNarrative(w.Id, w.Number, w.Title, texts.GetValueOrDefault(w.Id)))]);
        report.Figures = figures.ToJson();
        report.FiguresAt = now;
        report.Refresh = RefreshState.None;
        return false;
    }

    /// <summary>The staff member who recorded the approval (it set the reporting periods) hears that the draft is ready.</summary>
    private async Task TellApproverAsync(ReportingPeriod period, CancellationToken ct)
    {
        var approver = await db.Transitions.AsNoTracking()
            .Where(t => t.ApplicationId == period.ApplicationId && (t.To == ApplicationStatus.Approved || t.To == ApplicationStatus.PartiallyApproved) && t.ByPersonId != null)
            .OrderByDescending(t => t.At).Select(t => t.ByPersonId).FirstOrDefaultAsync(ct);
        if (approver is not { } personId)
        {
            return;
        }

        var person = (await mediator.Send(new GetPeopleByIds([personId]), ct)).FirstOrDefault();
        if (person is null || person.IsErased || string.IsNullOrWhiteSpace(person.Email))
        {
            return;
        }

        var title = await db.Applications.Where(a => a.Id == period.ApplicationId).Select(a => a.Title).SingleAsync(ct);
        db.AddIntegrationEvent(composer.Compose(text, person.PreferredLanguage, person.Email, person.DisplayName,
            period.Kind == ReportKind.Final ? "Mail_FinalReportDrafted_Subject" : "Mail_InterimReportDrafted_Subject", "Mail_ReportDrafted_Body",
            [title, period.From, period.To, period.Due, composer.Link($"/funding/reports/{period.Id}")], "funding", person.Id), clock.GetUtcNow());
    }
}
