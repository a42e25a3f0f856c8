using Alliance.Members.Contracts;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Integration;

/// <summary>
/// Erasure: the person's name and e-mail disappear from registrations, topics, action items and
/// minutes addenda (the API, Markdown and DOCX exports read the stored author name), the feed token is
/// removed; rows stay (with organisation and partner group) so attendance and vote counts in reports stay right.
/// The mails Meetings asked for (this module's outbox rows that carry her id, address or name) go too: delivered
/// ones are deleted, waiting ones are not sent; mails of hers the queue took after Members' erasure are forgotten.
/// </summary>
internal sealed class PersonErasedHandler(MeetingsDbContext db, IMediator mediator, TimeProvider clock) : INotificationHandler<PersonErased>
{
    public const string ErasedName = "—";

    public async Task Handle(PersonErased notification, CancellationToken cancellationToken)
    {
        var personId = notification.PersonId;
        var registrations = await db.Registrations.Where(r => r.PersonId == personId).ToListAsync(cancellationToken);
        // Read before the copies are blanked: the outbox rows and mails to remove are found by them.
        var addresses = registrations.Select(r => r.Email?.Trim()).OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var names = registrations.Select(r => r.PersonName).Where(n => !string.IsNullOrWhiteSpace(n) && n != ErasedName).Distinct().ToList();
        await OutboxErasure.ForgetPersonAsync(db, personId, clock.GetUtcNow(), cancellationToken);
        await ForgetMailsByNameAsync(names, cancellationToken);
        foreach (var address in addresses)
        {
            await mediator.Send(new ForgetMailRecipient(address), cancellationToken);
        }

        foreach (var registration in registrations)
        {
            registration.PersonName = ErasedName;
            registration.Email = null;
            registration.IsErased = true;
        }

        foreach (var topic in await db.Topics.Where(t => t.PersonId == personId).ToListAsync(cancellationToken))
        {
            topic.SubmitterName = ErasedName;
        }

        foreach (var action in await db.ActionItems.Where(a => a.OwnerPersonId == personId).ToListAsync(cancellationToken))
        {
            action.OwnerName = ErasedName;
        }

        foreach (var addendum in await db.Addenda.Where(a => a.AuthorPersonId == personId).ToListAsync(cancellationToken))
        {
            addendum.AuthorName = ErasedName;
            addendum.AuthorPersonId = null;
        }

        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == personId).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// Deletes delivered mails in this module's outbox addressed to her by name only: those composed before mails named
    /// their recipient's id. Her id (<see cref="OutboxErasure"/>) and her addresses (<c>ForgetMailRecipient</c>, every
    /// module's outbox) are covered by the kernel; a namesake only loses a delivered copy.
    /// </summary>
    private async Task ForgetMailsByNameAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var mail = EventNames.Of(typeof(EmailRequested));
        var legacy = EventNames.LegacyNameOf(typeof(EmailRequested));
        foreach (var name in names)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                DELETE FROM meetings.outbox_messages
                WHERE type IN ({mail}, {legacy}) AND payload->>'toName' = {name} AND status = {(int)OutboxStatus.Delivered}
                """, cancellationToken);
        }
    }
}
