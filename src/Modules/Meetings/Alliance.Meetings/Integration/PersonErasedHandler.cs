using Alliance.Members.Contracts;
using Alliance.Meetings.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Integration;

/// <summary>
/// Erasure: the person's name and e-mail disappear from registrations, topics, action items and
/// minutes addenda (the API, Markdown and DOCX exports read the stored author name), the feed token is
/// removed; rows stay (with organisation and partner group) so attendance and vote counts in reports stay right.
/// </summary>
internal sealed class PersonErasedHandler(MeetingsDbContext db) : INotificationHandler<PersonErased>
{
    public const string ErasedName = "—";

    public async Task Handle(PersonErased notification, CancellationToken cancellationToken)
    {
        var personId = notification.PersonId;
        foreach (var registration in await db.Registrations.Where(r => r.PersonId == personId).ToListAsync(cancellationToken))
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
}
