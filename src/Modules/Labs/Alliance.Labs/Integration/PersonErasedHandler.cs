using Alliance.Shared.Messaging;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Integration;

/// <summary>
/// Erasure: free text the person wrote is removed and participant records lose name and e-mail; rows stay, so
/// counts (supports, memberships, funnel) in reports stay right. Names of people are never copied into labs.
/// </summary>
internal sealed class PersonErasedHandler(LabsDbContext db, TimeProvider clock) : INotificationHandler<PersonErased>
{
    public const string Erased = "—";

    public async Task Handle(PersonErased notification, CancellationToken cancellationToken)
    {
        var person = notification.PersonId;
        // Mails to her (follow-up reminders) and delivered events naming her leave the outbox.
        await OutboxErasure.ForgetPersonAsync(db, person, clock.GetUtcNow(), cancellationToken);
        foreach (var request in await db.MembershipRequests.Where(r => r.RequestedByPersonId == person).ToListAsync(cancellationToken))
        {
            request.Motivation = null;
            request.RequestedByPersonId = null;
        }

        foreach (var proposal in await db.Proposals.Where(p => p.ProposedByPersonId == person).ToListAsync(cancellationToken))
        {
            proposal.ProposedByPersonId = null;
        }

        foreach (var support in await db.Supports.Where(s => s.PersonId == person).ToListAsync(cancellationToken))
        {
            support.PersonId = null;
        }

        foreach (var participant in await db.Participants.Include(p => p.History).Where(p => p.PersonId == person).ToListAsync(cancellationToken))
        {
            participant.Name = Erased;
            participant.Email = null;
            participant.Note = null;
            participant.PersonId = null;
            participant.History.ForEach(h => h.Note = null);
        }

        foreach (var note in await db.OutcomeNotes.Where(n => n.AuthorPersonId == person).ToListAsync(cancellationToken))
        {
            note.AuthorPersonId = null;
        }
    }
}
