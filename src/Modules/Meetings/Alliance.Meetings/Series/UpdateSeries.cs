using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>
/// Changes a series' time, duration, place, capacity and reminders. Only future occurrences that still follow the
/// series change (past ones and ones moved or cancelled by hand stay as they are); their registrants are told.
/// A higher capacity moves people up from the waitlist; one below a meeting's confirmed registrations is refused.
/// A new <see cref="RecurrenceRule"/> (null keeps the rule) applies from now on: future occurrences on a date the new rule
/// keeps stay (with their registrations), the others are cancelled as <see cref="Meetings.CancelMeeting"/> does, the new
/// rule's dates are created, and the count continues after the last meeting held ("8." follows "7.").
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record UpdateSeries(
    Guid SeriesId, TimeOnly StartTime, int DurationMinutes, string? Place, string? OnlineLink, int Capacity, int? DelegateLimit,
    IReadOnlyList<int>? ReminderDaysBefore, uint Version, string? RecurrenceRule = null) : IRequest<int>;

internal sealed class UpdateSeriesValidator : AbstractValidator<UpdateSeries>
{
    public UpdateSeriesValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(s => s.DurationMinutes).InclusiveBetween(1, 24 * 60).WithMessage(_ => text["Validation_EndBeforeStart"]);
        RuleFor(s => s.Capacity).GreaterThan(0).WithMessage(_ => text["Validation_CapacityPositive"]);
        RuleFor(s => s.DelegateLimit).GreaterThan(0).When(s => s.DelegateLimit is not null).WithMessage(_ => text["Validation_DelegateLimitPositive"]);
        RuleFor(s => s.Place).NotEmpty().When(s => string.IsNullOrWhiteSpace(s.OnlineLink)).WithMessage(_ => text["Validation_PlaceOrLink"]).MaximumLength(TextLimits.Place);
        RuleFor(s => s.OnlineLink).MaximumLength(TextLimits.Link)
            .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(s => !string.IsNullOrWhiteSpace(s.OnlineLink)).WithMessage(_ => text["Validation_OnlineLink"]);
        RuleForEach(s => s.ReminderDaysBefore).InclusiveBetween(1, 60).WithMessage(_ => text["Validation_ReminderDays"]);
        RuleFor(s => s.RecurrenceRule).Cascade(CascadeMode.Stop)
            .MaximumLength(TextLimits.RecurrenceRule).WithMessage(_ => string.Format(text["Validation_RuleTooLong"], TextLimits.RecurrenceRule))
            .Must(Recurrence.IsValidRule).WithMessage(_ => text["Validation_InvalidRule"])
            .When(s => s.RecurrenceRule is not null);
    }
}

internal sealed class UpdateSeriesHandler(MeetingsDbContext db, MeetingPermissions access, MeetingChanges changes, Waitlist waitlist, OccurrenceScheduler scheduler, TimeProvider clock)
    : IRequestHandler<UpdateSeries, int>
{
    public async Task<int> Handle(UpdateSeries request, CancellationToken cancellationToken)
    {
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == request.SeriesId, cancellationToken) ?? throw NotFoundException.For("Series", request.SeriesId);
        if (!await access.CanManageAsync(series.LabId, cancellationToken))
        {
            throw new ForbiddenException();
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Entry(series).Property(s => s.Version).OriginalValue = request.Version;
        series.StartTime = request.StartTime;
        series.DurationMinutes = request.DurationMinutes;
        series.Place = request.Place?.Trim();
        series.OnlineLink = request.OnlineLink?.Trim();
        series.Capacity = request.Capacity;
        series.DelegateLimit = request.DelegateLimit;
        series.ReminderDaysBefore = [.. (request.ReminderDaysBefore ?? []).Distinct().OrderDescending()];
        series.UpdatedAt = now;
        var newRule = request.RecurrenceRule?.Trim().ToUpperInvariant();
        if (newRule is not null && newRule != series.RecurrenceRule)
        {
            await ChangeRuleAsync(series, newRule, now, cancellationToken);
        }

        var zone = Recurrence.FindZone(series.TimeZone)!;
        // The meetings' locks (as registrations take them) make the seat counts below the truth until commit.
        var future = await db.Meetings.FromSql($"""
            SELECT *, xmin FROM meetings.meetings
            WHERE "SeriesId" = {series.Id} AND "StartsAt" > {now} AND NOT "IsDetached" AND NOT "IsCancelled" ORDER BY "Id" FOR UPDATE
            """).ToListAsync(cancellationToken);
        foreach (var meeting in future)
        {
            await waitlist.EnsureCapacityAsync(meeting, series.Capacity, nameof(UpdateSeries.Capacity), cancellationToken);
        }

        foreach (var meeting in future)
        {
            var local = Recurrence.ToLocal(meeting.OccurrenceStart ?? meeting.StartsAt, series.TimeZone);
            var date = DateOnly.FromDateTime(local);
            var start = Recurrence.ToInstant(date, series.StartTime, series.TimeZone);
            var end = Recurrence.ToInstant(new NodaTime.LocalDateTime(date.Year, date.Month, date.Day, series.StartTime.Hour, series.StartTime.Minute)
                .PlusMinutes(series.DurationMinutes), zone);
            var significant = MeetingChanges.IsSignificant(meeting, start, end, series.Place, series.OnlineLink);
            meeting.StartsAt = start;
            meeting.EndsAt = end;
            meeting.OccurrenceStart = start;
            meeting.Place = series.Place;
            meeting.OnlineLink = series.OnlineLink;
            meeting.Capacity = series.Capacity;
            meeting.DelegateLimit = series.DelegateLimit;
            meeting.ReminderDaysBefore = [.. series.ReminderDaysBefore];
            if (significant)
            {
                await changes.MovedAsync(meeting, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var meeting in future)
        {
            await waitlist.PromoteAsync(meeting, now, cancellationToken);
        }

        // The new rule's dates within the horizon (nothing when the rule stayed: they exist already).
        await scheduler.AddOccurrencesAsync(series, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return future.Count;
    }

    /// <summary>
    /// Switches the series to <paramref name="rule"/> from now on. The numbers continue after the last meeting held; future
    /// occurrences on a date of the new rule keep their meeting (renumbered), the others are cancelled and lose their number.
    /// </summary>
    private async Task ChangeRuleAsync(MeetingSeries series, string rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The materialising job locks the series row too: no occurrence of the old rule appears while this runs.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM meetings.series WHERE \"Id\" = {series.Id} FOR UPDATE", cancellationToken);
        var future = await db.Meetings.FromSql($"""
            SELECT *, xmin FROM meetings.meetings WHERE "SeriesId" = {series.Id} AND "StartsAt" > {now} ORDER BY "StartsAt" FOR UPDATE
            """).ToListAsync(cancellationToken);
        var lastHeld = await db.Meetings.Where(m => m.SeriesId == series.Id && m.StartsAt <= now).MaxAsync(m => m.Number, cancellationToken) ?? series.NumberOffset;
        var limit = future.Count == 0 ? now : future.Max(m => m.OccurrenceStart ?? m.StartsAt);
        var planned = new Dictionary<DateOnly, int>();
        int? firstAhead = null;
        foreach (var occurrence in OccurrenceScheduler.Plan(rule, series.FirstDate, series.StartTime, series.DurationMinutes, series.TimeZone, 0,
                     series.FirstDate.AddYears(3 * MeetingDates.YearsAhead)))
        {
            if (occurrence.StartsAt <= now)
            {
                continue;
            }

            firstAhead ??= occurrence.Number;
            if (occurrence.StartsAt > limit.AddDays(1))
            {
                break;
            }

            planned.TryAdd(DateOnly.FromDateTime(Recurrence.ToLocal(occurrence.StartsAt, series.TimeZone)), occurrence.Number);
        }

        series.RecurrenceRule = rule;
        series.NumberOffset = lastHeld + 1 - (firstAhead ?? 1);
        // (series, number) is unique: free the numbers before they are handed out again.
        foreach (var meeting in future)
        {
            meeting.Number = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var meeting in future)
        {
            if (planned.Remove(DateOnly.FromDateTime(Recurrence.ToLocal(meeting.OccurrenceStart ?? meeting.StartsAt, series.TimeZone)), out var index))
            {
                meeting.Number = series.NumberOffset + index;
            }
            else if (!meeting.IsCancelled)
            {
                meeting.IsCancelled = true;
                await changes.CancelledAsync(meeting, reason: null, now, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
