using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Integration;

/// <summary>
/// Keeps the copies Meetings holds of a person (name, address only with consent, language, consent to show the name)
/// up to date for lists and exports. Snapshots can arrive late or twice: a registration remembers the
/// <see cref="PersonChanged.SourceVersion"/> it applied last and ignores any snapshot that is not newer. Mail does not
/// wait for this event: <see cref="MeetingMails.RefreshContactsAsync"/> reads Members at send time.
/// </summary>
internal sealed class PersonChangedHandler(MeetingsDbContext db) : INotificationHandler<PersonChanged>
{
    public async Task Handle(PersonChanged notification, CancellationToken cancellationToken)
    {
        var person = notification.Person;
        var registrations = await db.Registrations
            .Where(r => r.PersonId == person.Id && !r.IsErased && r.PersonVersion < notification.SourceVersion)
            .ToListAsync(cancellationToken);
        foreach (var registration in registrations)
        {
            MeetingMails.Apply(registration, person);
            registration.PersonVersion = notification.SourceVersion;
        }
    }
}
