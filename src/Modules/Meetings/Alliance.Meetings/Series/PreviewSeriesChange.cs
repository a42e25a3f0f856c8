using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>
/// What an existing series would be after <see cref="UpdateSeries"/> with these fields: the rule in plain words and the
/// next five dates from now, numbered as the change would number them (a new rule continues after the last meeting held).
/// Null <see cref="RecurrenceRule"/> keeps the stored rule. Nothing is stored; 404 for those who may not manage the series.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record PreviewSeriesChange(Guid SeriesId, TimeOnly StartTime, int DurationMinutes, string? RecurrenceRule = null) : IRequest<SeriesPreview>;

internal sealed class PreviewSeriesChangeValidator : AbstractValidator<PreviewSeriesChange>
{
    public PreviewSeriesChangeValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(s => s.DurationMinutes).InclusiveBetween(1, 24 * 60).WithMessage(_ => text["Validation_EndBeforeStart"]);
        RuleFor(s => s.RecurrenceRule).Cascade(CascadeMode.Stop)
            .MaximumLength(TextLimits.RecurrenceRule).WithMessage(_ => string.Format(text["Validation_RuleTooLong"], TextLimits.RecurrenceRule))
            .Must(Recurrence.IsValidRule).WithMessage(_ => text["Validation_InvalidRule"])
            .When(s => s.RecurrenceRule is not null);
    }
}

internal sealed class PreviewSeriesChangeHandler(MeetingsDbContext db, MeetingPermissions access, IStringLocalizer<MeetingsText> text, TimeProvider clock)
    : IRequestHandler<PreviewSeriesChange, SeriesPreview>
{
    public async Task<SeriesPreview> Handle(PreviewSeriesChange request, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SeriesId, cancellationToken)
            ?? throw NotFoundException.For("Series", request.SeriesId);
        if (!await access.CanManageAsync(series.LabId, cancellationToken))
        {
            throw NotFoundException.For("Series", request.SeriesId);
        }

        var now = clock.GetUtcNow();
        var rule = request.RecurrenceRule?.Trim().ToUpperInvariant() ?? series.RecurrenceRule;
        var horizon = series.FirstDate.AddYears(3 * MeetingDates.YearsAhead);
        var offset = series.NumberOffset;
        if (!string.Equals(rule, series.RecurrenceRule, StringComparison.OrdinalIgnoreCase))
        {
            // As UpdateSeries numbers a new rule: the first date ahead follows the last meeting held.
            var lastHeld = await db.Meetings.Where(m => m.SeriesId == series.Id && m.StartsAt <= now).MaxAsync(m => m.Number, cancellationToken) ?? series.NumberOffset;
            var firstAhead = OccurrenceScheduler.Plan(rule, series.FirstDate, request.StartTime, request.DurationMinutes, series.TimeZone, 0, horizon)
                .FirstOrDefault(o => o.StartsAt > now)?.Number ?? 1;
            offset = lastHeld + 1 - firstAhead;
        }

        var next = OccurrenceScheduler.Plan(rule, series.FirstDate, request.StartTime, request.DurationMinutes, series.TimeZone, offset, horizon)
            .Where(o => o.StartsAt >= now).Take(PreviewSeries.Dates).ToList();
        return new SeriesPreview(rule, RecurrenceSummary.Describe(text, rule, series.FirstDate, request.StartTime, request.DurationMinutes), series.TimeZone, next);
    }
}
