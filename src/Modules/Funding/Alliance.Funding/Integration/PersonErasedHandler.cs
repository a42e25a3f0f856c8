using Alliance.Funding.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Integration;

/// <summary>
/// Erasure: the person is no longer responsible for calls, work packages or milestones, and the workflow steps they
/// took, the reports they submitted, the exports they asked for and the documents they uploaded lose their id and the
/// copy of their name (the steps themselves stay: the audit trail keeps what happened).
/// </summary>
internal sealed class PersonErasedHandler(FundingDbContext db) : INotificationHandler<PersonErased>
{
    public async Task Handle(PersonErased notification, CancellationToken cancellationToken)
    {
        var person = notification.PersonId;
        foreach (var call in await db.Calls.Where(c => c.ResponsiblePersonId == person).ToListAsync(cancellationToken))
        {
            call.ResponsiblePersonId = null;
        }

        foreach (var package in await db.WorkPackages.Where(w => w.ResponsiblePersonId == person).ToListAsync(cancellationToken))
        {
            package.ResponsiblePersonId = null;
        }

        foreach (var milestone in await db.Milestones.Where(m => m.ResponsiblePersonId == person).ToListAsync(cancellationToken))
        {
            milestone.ResponsiblePersonId = null;
        }

        foreach (var step in await db.Transitions.Where(t => t.ByPersonId == person).ToListAsync(cancellationToken))
        {
            step.ByPersonId = null;
            step.ByName = "";
        }

        // Exports and documents keep their record, without who asked or uploaded (set-based: the files stay unloaded).
        await db.Exports.Where(e => e.RequestedByPersonId == person)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.RequestedByPersonId, (Guid?)null).SetProperty(e => e.RequestedByName, ""), cancellationToken);
        await db.Documents.Where(d => d.AddedByPersonId == person)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.AddedByPersonId, (Guid?)null).SetProperty(d => d.AddedByName, ""), cancellationToken);
        foreach (var report in await db.Reports.Where(r => r.SubmittedByPersonId == person).ToListAsync(cancellationToken))
        {
            report.SubmittedByPersonId = null;
            report.SubmittedByName = "";
        }
    }
}
