using Alliance.Meetings.Contracts;
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

    /// <summary>The meeting moved (start, end) or its place changed: the updated entry to everyone concerned.</summary>
    public Task MovedAsync(Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken) =>
        AnnounceAsync(meeting, RegistrantNotice.Changed, mails.Changed, now, cancellationToken);

    /// <summary>The meeting was cancelled (already marked): METHOD:CANCEL to registrants, the reason to everyone.</summary>
    public Task CancelledAsync(Meeting meeting, string? reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        AnnounceAsync(meeting, RegistrantNotice.Cancelled, (registration, m) => mails.Cancelled(registration, m, reason), now, cancellationToken);

    /// <summary>A cancelled meeting takes place again (already marked): the entry back to registrants, a mail to everyone.</summary>
    public Task ReinstatedAsync(Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken) =>
        AnnounceAsync(meeting, RegistrantNotice.Changed, mails.Reinstated, now, cancellationToken);

    /// <summary>Raises SEQUENCE and DTSTAMP and queues the mails (through the outbox: sent if and only if the change commits).</summary>
    /// <param name="notice">What people are told in-app; those who chose "in-app only" for it get no mail.</param>
    /// <param name="mail">The kind of mail (a <see cref="MeetingMails"/> method), composed per person after SEQUENCE went up.</param>
    private async Task AnnounceAsync(Meeting meeting, RegistrantNotice notice, Func<Registration, Meeting, Alliance.Shared.Contracts.EmailRequested?> mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        meeting.Sequence++;
        meeting.ChangedAt = now;
        var told = await db.Registrations
            .Where(r => r.MeetingId == meeting.Id && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted || r.Status == RegistrationStatus.Invited))
            .ToListAsync(cancellationToken);
        await mails.RefreshContactsAsync(told, cancellationToken);
        var inAppOnly = await mails.TellAsync(db, meeting, notice, told, now, cancellationToken);
        foreach (var registration in told.Where(r => !inAppOnly.Contains(r.PersonId)))
        {
            if (mail(registration, meeting) is { } composed)
            {
                db.AddIntegrationEvent(composed, now);
            }
        }
    }
}
