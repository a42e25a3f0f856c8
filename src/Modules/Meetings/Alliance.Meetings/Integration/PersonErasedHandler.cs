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
        // Mails composed before they named their recipient's id are found by address and name.
        await ForgetOutboxRowsAsync(personId, addresses, names, cancellationToken);
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
    /// Deletes this module's delivered outbox rows that name her (by id, address, or as a mail's recipient name: a
    /// namesake only loses a delivered copy) and her waiting mails to her address that no dispatcher holds right now
    /// (a mail to an erased person is not sent). Other waiting
    /// events stay: subscribers still need them, and they erase what they copied when PersonErased reaches them.
    /// </summary>
    private async Task ForgetOutboxRowsAsync(Guid personId, IReadOnlyList<string> addresses, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var mail = EventNames.Of(typeof(EmailRequested));
        var legacy = EventNames.LegacyNameOf(typeof(EmailRequested));
        var now = clock.GetUtcNow();
        var id = personId.ToString();
        // The payload is jsonb: the search runs on its text form for the id, on its fields for address and name.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            DELETE FROM meetings.outbox_messages
            WHERE status = {(int)OutboxStatus.Delivered} AND strpos(payload::text, {id}) > 0
            """, cancellationToken);
        foreach (var address in addresses)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                DELETE FROM meetings.outbox_messages
                WHERE type IN ({mail}, {legacy}) AND lower(payload->>'toAddress') = lower({address})
                  AND (status <> {(int)OutboxStatus.Pending} OR locked_until IS NULL OR locked_until < {now})
                """, cancellationToken);
        }

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
