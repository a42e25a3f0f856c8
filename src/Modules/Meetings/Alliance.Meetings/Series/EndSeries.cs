using System.Globalization;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>
/// Ends a series after <see cref="LastDate"/>: the rule gets <c>UNTIL=</c> that day (replacing any COUNT or UNTIL), so no
/// later occurrence is created, and occurrences already created after that day are cancelled as <see cref="CancelMeeting"/>
/// does (registrants and invitees are told). Answers how many were cancelled.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record EndSeries(Guid SeriesId, DateOnly LastDate, uint Version) : IRequest<int>;

internal sealed class EndSeriesValidator : AbstractValidator<EndSeries>
{
    public EndSeriesValidator(MeetingsDbContext db, IStringLocalizer<MeetingsText> text, TimeProvider clock) =>
        RuleFor(e => e.LastDate).Cascade(CascadeMode.Stop)
            .InPlanningRange(clock, text)
            .Must(date => date >= AllianceTime.Today(clock).AddDays(-1)).WithMessage(_ => text["Validation_EndSeriesInPast"])
            .MustAsync(async (e, date, ct) => await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == e.SeriesId, ct) is not { } series
                || EndSeriesHandler.EndedRule(series, date).Kept > 0)
            .WithMessage(_ => text["Validation_RepeatUntilBeforeFirst"]);
}

internal sealed class EndSeriesHandler(MeetingsDbContext db, MeetingPermissions access, MeetingChanges changes, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<EndSeries, int>
{
    public async Task<int> Handle(EndSeries request, CancellationToken cancellationToken)
    {
        var labId = await db.Series.Where(s => s.Id == request.SeriesId).Select(s => new { s.LabId }).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Series", request.SeriesId);
        if (!await access.CanManageAsync(labId.LabId, cancellationToken))
        {
            throw NotFoundException.For("Series", request.SeriesId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The materialising job locks the series row too: it cannot add an occurrence after the end while this runs.
        var series = await db.Series.FromSql($"SELECT *, xmin FROM meetings.series WHERE \"Id\" = {request.SeriesId} FOR UPDATE").SingleAsync(cancellationToken);
        if (series.Version != request.Version)
        {
            throw new ConflictException(text["Conflict_SeriesChanged"]);
        }

        var now = clock.GetUtcNow();
        series.RecurrenceRule = EndedRule(series, request.LastDate).Rule;
        series.UpdatedAt = now;
        var zone = Recurrence.FindZone(series.TimeZone)!;
        var endOfLastDay = Recurrence.ToInstant(new NodaTime.LocalDateTime(request.LastDate.Year, request.LastDate.Month, request.LastDate.Day, 0, 0).PlusDays(1), zone);
        var later = await db.Meetings.FromSql($"""
            SELECT *, xmin FROM meetings.meetings
            WHERE "SeriesId" = {series.Id} AND "StartsAt" >= {endOfLastDay} AND "StartsAt" > {now} AND NOT "IsCancelled" ORDER BY "StartsAt" FOR UPDATE
            """).ToListAsync(cancellationToken);
        foreach (var meeting in later)
        {
            meeting.IsCancelled = true;
            await changes.CancelledAsync(meeting, reason: null, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return later.Count;
    }

    /// <summary>
    /// The rule ending on <paramref name="lastDate"/> and how many of its dates remain. A rule without an end gets
    /// <c>UNTIL=yyyyMMdd</c> (a date-only UNTIL includes that whole day); a rule ending earlier stays as it is; a COUNT
    /// becomes the number of dates up to that day (RFC 5545 allows COUNT or UNTIL, not both), so ending never extends a series.
    /// </summary>
    public static (string Rule, int Kept) EndedRule(MeetingSeries series, DateOnly lastDate)
    {
        var kept = OccurrenceScheduler.Plan(series.RecurrenceRule, series.FirstDate, series.StartTime, series.DurationMinutes, series.TimeZone, 0, lastDate.AddDays(1)).Count();
        var parts = series.RecurrenceRule.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var count = parts.FindIndex(p => p.StartsWith("COUNT=", StringComparison.OrdinalIgnoreCase));
        var until = parts.FindIndex(p => p.StartsWith("UNTIL=", StringComparison.OrdinalIgnoreCase));
        var untilText = lastDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (count >= 0)
        {
            parts[count] = "COUNT=" + kept.ToString(CultureInfo.InvariantCulture);
        }
        else if (until < 0)
        {
            parts.Add("UNTIL=" + untilText);
        }
        else if (string.CompareOrdinal(parts[until][6..Math.Min(parts[until].Length, 14)], untilText) > 0)
        {
            parts[until] = "UNTIL=" + untilText;
        }

        return (string.Join(';', parts), kept);
    }
}
