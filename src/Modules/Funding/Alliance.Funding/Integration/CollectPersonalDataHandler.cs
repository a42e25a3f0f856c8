using Alliance.Funding.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Integration;

/// <summary>
/// The funding module's part of a person's data export: calls they are reminded of, work packages and milestones they
/// are responsible for, the workflow steps they took (with their comments), the reports they submitted, the funder
/// exports they asked for and the documents they uploaded (names and times, not the files).
/// </summary>
internal sealed class CollectPersonalDataHandler(FundingDbContext db) : INotificationHandler<CollectPersonalData>
{
    public async Task Handle(CollectPersonalData notification, CancellationToken cancellationToken)
    {
        var person = notification.PersonId;
        var calls = await db.Calls.AsNoTracking().Where(c => c.ResponsiblePersonId == person).Select(c => new { c.Title, c.SubmissionDeadline }).ToListAsync(cancellationToken);
        var packages = await db.WorkPackages.AsNoTracking().Where(w => w.ResponsiblePersonId == person)
            .Join(db.Applications, w => w.ApplicationId, a => a.Id, (w, a) => new { Application = a.Title, w.Number, w.Title }).ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ResponsiblePersonId == person)
            .Join(db.Applications, m => m.ApplicationId, a => a.Id, (m, a) => new { Application = a.Title, m.Title, m.Due }).ToListAsync(cancellationToken);
        var steps = await db.Transitions.AsNoTracking().Where(t => t.ByPersonId == person)
            .Join(db.Applications, t => t.ApplicationId, a => a.Id, (t, a) => new { Application = a.Title, From = t.From.ToString(), To = t.To.ToString(), t.At, t.ByName, t.Comment })
            .ToListAsync(cancellationToken);
        var exports = await db.Exports.AsNoTracking().Where(e => e.RequestedByPersonId == person)
            .Join(db.Applications, e => e.ApplicationId, a => a.Id, (e, a) => new { Application = a.Title, e.FileName, e.RequestedAt, e.RequestedByName }).ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.AddedByPersonId == person)
            .Join(db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => new { Application = a.Title, d.FileName, d.AddedAt, d.AddedByName }).ToListAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.SubmittedByPersonId == person)
            .Join(db.ReportingPeriods, r => r.ReportingPeriodId, p => p.Id, (r, p) => new { r.ApplicationId, Kind = p.Kind.ToString(), p.From, p.To, r.SubmittedAt, r.SubmittedByName })
            .Join(db.Applications, r => r.ApplicationId, a => a.Id, (r, a) => new { Application = a.Title, r.Kind, r.From, r.To, r.SubmittedAt, r.SubmittedByName })
            .ToListAsync(cancellationToken);
        if (calls.Count > 0 || packages.Count > 0 || milestones.Count > 0 || steps.Count > 0 || reports.Count > 0 || exports.Count > 0 || documents.Count > 0)
        {
            notification.Collector.Add("funding", new
            {
                ResponsibleForCalls = calls, WorkPackages = packages, Milestones = milestones, WorkflowSteps = steps, SubmittedReports = reports,
                FunderExports = exports, DocumentsUploaded = documents,
            });
        }
    }
}
