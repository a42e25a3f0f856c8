using Alliance.Shared.Messaging;
using Alliance.Members.Contracts;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Integration;

/// <summary>
/// Erasure: the person's responses lose the link to her (their answers stay in every count and aggregate), her
/// invitations lose person and organisation (they still count as invited and answered) and her saved drafts, which
/// may hold free text, are deleted; the invitation and reminder mails to her leave this module's outbox.
/// </summary>
internal sealed class PersonErasedHandler(SurveysDbContext db, TimeProvider clock) : INotificationHandler<PersonErased>
{
    public async Task Handle(PersonErased notification, CancellationToken cancellationToken)
    {
        var person = notification.PersonId;
        await OutboxErasure.ForgetPersonAsync(db, person, clock.GetUtcNow(), cancellationToken);
        foreach (var response in await db.Responses.Where(r => r.PersonId == person).ToListAsync(cancellationToken))
        {
            response.PersonId = null;
        }

        var invitations = await db.Invitations.Where(i => i.PersonId == person).ToListAsync(cancellationToken);
        var ids = invitations.Select(i => i.Id).ToList();
        db.Drafts.RemoveRange(await db.Drafts.Where(d => ids.Contains(d.InvitationId)).ToListAsync(cancellationToken));
        foreach (var invitation in invitations)
        {
            invitation.PersonId = null;
            // Without the person an invitation per person would look like its organisation's one: drop that too.
            invitation.OrganizationId = null;
        }
    }
}
