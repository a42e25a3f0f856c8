using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// One way to record a significant change of a meeting (start, end, place, cancellation, reinstatement): the calendar
/// SEQUENCE goes up, DTSTAMP (<see cref="Meeting.ChangedAt"/>) becomes now, and everyone invited, registered or waiting
/// gets a mail in their language with the new details and the link to the updated .ics.
/// </summary>
internal sealed class MeetingChanges(MeetingsDbContext db, MeetingMails mails)
{
    /// <summary>Whether the change is one calendars and people must hear about.</summary>
    public static bool IsSignificant(Meeting meeting, DateTimeOffset startsAt, DateTimeOffset endsAt, string? place, string? onlineLink) =>
        meeting.StartsAt != startsAt || meeting.EndsAt != endsAt
        || !string.Equals(meeting.Place ?? "", place ?? "", StringComparison.Ordinal)
        || !string.Equals(meeting.OnlineLink ?? "", onlineLink ?? "", StringComparison.Ordinal);

    /// <summary>Raises SEQUENCE and DTSTAMP and queues the mails (through the outbox: sent if and only if the change commits).</summary>
    public async Task AnnounceAsync(Meeting meeting, string subjectKey, string bodyKey, DateTimeOffset now, string? extra, CancellationToken cancellationToken)
    {
        meeting.Sequence++;
        meeting.ChangedAt = now;
        var told = await db.Registrations
            .Where(r => r.MeetingId == meeting.Id && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted || r.Status == RegistrationStatus.Invited))
            .ToListAsync(cancellationToken);
        await mails.RefreshContactsAsync(told, cancellationToken);
        foreach (var registration in told)
        {
            if (mails.Compose(registration, meeting, subjectKey, bodyKey, extra) is { } mail)
            {
                db.AddIntegrationEvent(mail, now);
            }
        }
    }
}
