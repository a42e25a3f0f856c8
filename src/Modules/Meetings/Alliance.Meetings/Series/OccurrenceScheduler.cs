using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Alliance.Meetings.Series;

/// <summary>
/// The one place that turns a series' rule into meetings: adds the occurrences up to the horizon (Meetings:HorizonDays,
/// default 90) that do not exist yet, numbered by their place in the rule, and invites their audience. It only adds to the
/// caller's unit of work, so a new series and its first occurrences (<see cref="CreateSeries"/>, the demo seeder) are
/// written in one transaction, and the hourly job (<see cref="MaterializeOccurrences"/>) saves under its series lock.
/// </summary>
internal sealed class OccurrenceScheduler(MeetingsDbContext db, Invitations invitations, IConfiguration configuration, TimeProvider clock)
{
    public async Task<int> AddOccurrencesAsync(MeetingSeries series, CancellationToken cancellationToken)
    {
        var horizonDays = configuration.GetValue("Meetings:HorizonDays", 90);
        var zone = Recurrence.FindZone(series.TimeZone)!;
        var now = clock.GetUtcNow();
        var until = DateOnly.FromDateTime(now.AddDays(horizonDays + 1).UtcDateTime);
        // The number is the occurrence's place in the rule: it identifies an occurrence even after it was moved by hand.
        var existing = (await db.Meetings.Where(m => m.SeriesId == series.Id).Select(m => m.Number).ToListAsync(cancellationToken)).ToHashSet();
        existing.UnionWith(db.Meetings.Local.Where(m => m.SeriesId == series.Id).Select(m => m.Number));
        var newMeetings = new List<Meeting>();
        var index = 0;
        foreach (var local in Recurrence.LocalStarts(series.RecurrenceRule, series.FirstDate, series.StartTime, until, series.TimeZone))
        {
            index++;
            var start = Recurrence.ToInstant(local, zone);
            if (start < now || start > now.AddDays(horizonDays) || existing.Contains(series.NumberOffset + index))
            {
                continue;
            }

            var meeting = new Meeting
            {
                Id = Guid.NewGuid(),
                SeriesId = series.Id,
                OccurrenceStart = start,
                Number = series.NumberOffset + index,
                Title = series.Title,
                Kind = series.Kind,
                StartsAt = start,
                EndsAt = Recurrence.ToInstant(local.PlusMinutes(series.DurationMinutes), zone),
                TimeZone = series.TimeZone,
                Place = series.Place,
                OnlineLink = series.OnlineLink,
                Capacity = series.Capacity,
                DelegateLimit = series.DelegateLimit,
                Audience = series.Audience,
                LabId = series.LabId,
                AudienceOrganizationIds = [.. series.AudienceOrganizationIds],
                ReminderDaysBefore = [.. series.ReminderDaysBefore],
                TopicDeadline = start.AddDays(-7),
                CreatedAt = now,
                ChangedAt = now,
            };
            db.Meetings.Add(meeting);
            newMeetings.Add(meeting);
        }

        foreach (var meeting in newMeetings)
        {
            await invitations.InviteAsync(meeting, cancellationToken);
        }

        return newMeetings.Count;
    }
}
