using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Alliance.Meetings.Series;

/// <summary>
/// The recurring job's work: creates each series' occurrences up to the horizon (Meetings:HorizonDays, default 90),
/// numbered within the series, and invites their audience. Idempotent: the series row is locked while its
/// occurrences are created and (series, occurrence start) is unique, so two runs or two hosts create nothing twice.
/// </summary>
internal sealed record MaterializeOccurrences(Guid? SeriesId = null) : IRequest<int>;

internal sealed class MaterializeOccurrencesHandler(MeetingsDbContext db, Invitations invitations, IConfiguration configuration, TimeProvider clock)
    : IRequestHandler<MaterializeOccurrences, int>
{
    public async Task<int> Handle(MaterializeOccurrences request, CancellationToken cancellationToken)
    {
        var horizonDays = configuration.GetValue("Meetings:HorizonDays", 90);
        var seriesIds = await db.Series.AsNoTracking()
            .Where(s => request.SeriesId == null || s.Id == request.SeriesId)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var seriesId in seriesIds)
        {
            created += await MaterializeAsync(seriesId, horizonDays, cancellationToken);
        }

        return created;
    }

    private async Task<int> MaterializeAsync(Guid seriesId, int horizonDays, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var series = await db.Series.FromSql($"SELECT *, xmin FROM meetings.series WHERE \"Id\" = {seriesId} FOR UPDATE").SingleAsync(cancellationToken);
        var zone = Recurrence.FindZone(series.TimeZone)!;
        var now = clock.GetUtcNow();
        var until = DateOnly.FromDateTime(now.AddDays(horizonDays + 1).UtcDateTime);
        // The number is the occurrence's place in the rule: it identifies an occurrence even after it was moved by hand.
        var existing = (await db.Meetings.Where(m => m.SeriesId == seriesId).Select(m => m.Number).ToListAsync(cancellationToken)).ToHashSet();
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

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return newMeetings.Count;
    }
}
