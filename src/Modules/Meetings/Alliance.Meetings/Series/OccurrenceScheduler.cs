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
        var now = clock.GetUtcNow();
        var until = DateOnly.FromDateTime(now.AddDays(horizonDays + 1).UtcDateTime);
        // The number is the occurrence's place in the rule: it identifies an occurrence even after it was moved by hand.
        var existing = (await db.Meetings.Where(m => m.SeriesId == series.Id).Select(m => m.Number).ToListAsync(cancellationToken)).ToHashSet();
        existing.UnionWith(db.Meetings.Local.Where(m => m.SeriesId == series.Id).Select(m => m.Number));
        var newMeetings = new List<Meeting>();
        foreach (var planned in Plan(series.RecurrenceRule, series.FirstDate, series.StartTime, series.DurationMinutes, series.TimeZone, series.NumberOffset, until))
        {
            var start = planned.StartsAt;
            if (start < now || start > now.AddDays(horizonDays) || existing.Contains(planned.Number))
            {
                continue;
            }

            var meeting = new Meeting
            {
                Id = Guid.NewGuid(),
                SeriesId = series.Id,
                OccurrenceStart = start,
                Number = planned.Number,
                Title = series.Title,
                Kind = series.Kind,
                StartsAt = start,
                EndsAt = planned.EndsAt,
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

    /// <summary>
    /// Every occurrence of a rule before <paramref name="until"/>, numbered by its place in the rule after
    /// <paramref name="numberOffset"/>: what <see cref="AddOccurrencesAsync"/> creates and what the preview shows.
    /// </summary>
    public static IEnumerable<PlannedOccurrence> Plan(string rule, DateOnly firstDate, TimeOnly startTime, int durationMinutes, string timeZone, int numberOffset, DateOnly until)
    {
        var zone = Recurrence.FindZone(timeZone) ?? NodaTime.DateTimeZone.Utc;
        var index = 0;
        foreach (var local in Recurrence.LocalStarts(rule, firstDate, startTime, until, timeZone))
        {
            index++;
            yield return new PlannedOccurrence(numberOffset + index, Recurrence.ToInstant(local, zone), Recurrence.ToInstant(local.PlusMinutes(durationMinutes), zone));
        }
    }
}

/// <summary>One date of a series' rule: its number and its start and end instants.</summary>
internal sealed record PlannedOccurrence(int Number, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
