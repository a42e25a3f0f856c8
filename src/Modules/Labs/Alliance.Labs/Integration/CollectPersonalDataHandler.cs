using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

/// <summary>The labs' part of a person's data export: requests, proposals, supports, action items, participant records.</summary>
internal sealed class CollectPersonalDataHandler(LabsDbContext db) : INotificationHandler<CollectPersonalData>
{
    public async Task Handle(CollectPersonalData notification, CancellationToken cancellationToken)
    {
        var person = notification.PersonId;
        var requests = await db.MembershipRequests.AsNoTracking().Where(r => r.RequestedByPersonId == person)
            .Join(db.Labs, r => r.LabId, l => l.Id, (r, l) => new { Lab = l.Title, r.Motivation, Status = r.Status.ToString(), r.RequestedAt, r.DeclineReason })
            .ToListAsync(cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.ProposedByPersonId == person)
            .Select(p => new { p.Title, p.Description, Status = p.Status.ToString(), p.CreatedAt, p.AnswerReason }).ToListAsync(cancellationToken);
        var supports = await db.Supports.AsNoTracking().Where(s => s.PersonId == person)
            .Join(db.Proposals, s => s.ProposalId, p => p.Id, (s, p) => new { Proposal = p.Title, s.CreatedAt }).ToListAsync(cancellationToken);
        var actionItems = await db.ActionItems.AsNoTracking().Where(a => a.OwnerPersonId == person)
            .Select(a => new { a.Title, a.DueDate, Status = a.Status.ToString(), a.MeetingTitle }).ToListAsync(cancellationToken);
        var participants = await db.Participants.AsNoTracking().Where(p => p.PersonId == person)
            .Select(p => new { p.Name, p.Email, Status = p.Status.ToString(), p.LastContactOn, p.Note }).ToListAsync(cancellationToken);
        notification.Collector.Add("labs", new
        {
            MembershipRequests = requests, Proposals = proposals, Supports = supports, ActionItems = actionItems, ProgrammeParticipation = participants,
        });
    }
}
