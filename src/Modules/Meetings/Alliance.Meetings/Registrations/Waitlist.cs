using Alliance.Meetings.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Shared.Localization;
using Alliance.Shared.Messaging;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Registrations;

/// <summary>
/// Seats and the waitlist, always under the meeting's lock (<see cref="MeetingLock"/>) so the counts read are the truth:
/// free seats go to the people waiting longest, each told with the same "you moved up" mail; a capacity below the
/// confirmed registrations is refused.
/// </summary>
internal sealed class Waitlist(MeetingsDbContext db, MeetingMails mails, IStringLocalizer<MeetingsText> text)
{
    /// <summary>Confirmed registrations of the meeting as stored (call after saving pending changes).</summary>
    public Task<int> ConfirmedAsync(Guid meetingId, CancellationToken cancellationToken) =>
        db.Registrations.CountAsync(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered, cancellationToken);

    /// <summary>Refuses (400 on <paramref name="field"/>) a capacity below the meeting's confirmed registrations.</summary>
    public async Task EnsureCapacityAsync(Meeting meeting, int capacity, string field, CancellationToken cancellationToken)
    {
        var confirmed = await ConfirmedAsync(meeting.Id, cancellationToken);
        if (capacity < confirmed)
        {
            throw new ValidationException([new ValidationFailure(field, Plural.Format(text, "Validation_CapacityBelowConfirmed", confirmed, meeting.DisplayTitle))]);
        }
    }

    /// <summary>Fills the free seats of an upcoming, not cancelled meeting from the waitlist in order; returns how many moved up.</summary>
    public async Task<int> PromoteAsync(Meeting meeting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (meeting.IsCancelled || meeting.StartsAt <= now)
        {
            return 0;
        }

        var free = meeting.Capacity - await ConfirmedAsync(meeting.Id, cancellationToken);
        if (free <= 0)
        {
            return 0;
        }

        var next = await db.Registrations
            .Where(r => r.MeetingId == meeting.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistPosition).Take(free).ToListAsync(cancellationToken);
        await mails.RefreshContactsAsync(next, cancellationToken);
        var inAppOnly = await mails.TellAsync(db, meeting, RegistrantNotice.MovedUp, next, now, cancellationToken);
        foreach (var registration in next)
        {
            registration.Status = RegistrationStatus.Registered;
            registration.WaitlistPosition = null;
            if (!inAppOnly.Contains(registration.PersonId) && mails.Promoted(registration, meeting) is { } mail)
            {
                db.AddIntegrationEvent(mail, now);
            }
        }

        return next.Count;
    }
}
