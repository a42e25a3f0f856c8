using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Registrations;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Reminders;

/// <summary>
/// The reminder job: for each meeting whose reminder time (e.g. 7 days, 1 day before) has come, one e-mail per
/// registered person in their language. The reminder log's key (meeting, person, start, days) and the meeting lock make
/// sure nobody gets one twice for the same start, however often or wherever the job runs; a moved meeting is reminded
/// again for its new start. Only the latest due reminder is sent.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record SendReminders : IRequest<int>;

internal sealed class SendRemindersHandler(MeetingsDbContext db, MeetingMails mails, TimeProvider clock) : IRequestHandler<SendReminders, int>
{
    private const int LongestReminderDays = 60;

    public async Task<int> Handle(SendReminders request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.Meetings.AsNoTracking()
            .Where(m => !m.IsCancelled && m.StartsAt > now && m.StartsAt <= now.AddDays(LongestReminderDays) && m.ReminderDaysBefore.Count > 0)
            .Select(m => m.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var meetingId in candidates)
        {
            sent += await RemindAsync(meetingId, now, cancellationToken);
        }

        return sent;
    }

    private async Task<int> RemindAsync(Guid meetingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var meeting = await db.LockAsync(meetingId, cancellationToken);
        var due = meeting?.ReminderDaysBefore.Where(days => now >= meeting.StartsAt.AddDays(-days)).ToList() ?? [];
        if (meeting is null || meeting.IsCancelled || due.Count == 0)
        {
            return 0;
        }

        var latest = due.Min();
        var registered = await db.Registrations.Where(r => r.MeetingId == meetingId && r.Status == RegistrationStatus.Registered).ToListAsync(cancellationToken);
        var logged = (await db.ReminderLogs.Where(l => l.MeetingId == meetingId && l.StartsAt == meeting.StartsAt && due.Contains(l.DaysBefore))
            .Select(l => new { l.PersonId, l.DaysBefore }).ToListAsync(cancellationToken))
            .Select(l => (l.PersonId, l.DaysBefore)).ToHashSet();
        // The agenda is the same for every registrant: read it once per meeting, not once per mail.
        var agenda = await AgendaTextAsync(meetingId, cancellationToken);
        await mails.RefreshContactsAsync(registered, cancellationToken);
        var sent = 0;
        foreach (var registration in registered)
        {
            if (due.All(days => logged.Contains((registration.PersonId, days))))
            {
                continue;
            }

            // Log every reminder time that has passed, so a late-created registration does not get the 7-day one after the 1-day one.
            foreach (var days in due.Where(days => !logged.Contains((registration.PersonId, days))))
            {
                db.ReminderLogs.Add(new ReminderLog { MeetingId = meetingId, PersonId = registration.PersonId, StartsAt = meeting.StartsAt, DaysBefore = days, SentAt = now });
            }

            if (!logged.Contains((registration.PersonId, latest))
                && mails.Reminder(registration, meeting, agenda) is { } mail)
            {
                db.AddIntegrationEvent(mail, now);
                sent++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }

    private async Task<string> AgendaTextAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Position)
            .Select(a => new { a.Position, a.Title, a.PlannedMinutes }).ToListAsync(cancellationToken);
        return string.Join("\n", items.Select(i => $"{i.Position}. {i.Title} ({i.PlannedMinutes} min)"));
    }
}
