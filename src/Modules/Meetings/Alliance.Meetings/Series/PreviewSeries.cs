using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Meetings;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>
/// What a series would be before it is saved: its rule in plain words and its next five dates from now, numbered —
/// computed by <see cref="OccurrenceScheduler.Plan"/>, the code that creates the occurrences.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record PreviewSeries(
    string RecurrenceRule,
    DateOnly FirstDate,
    TimeOnly StartTime,
    int DurationMinutes,
    string? TimeZone = null,
    int NumberOffset = 0) : IRequest<SeriesPreview>, ISeriesSchedule
{
    /// <summary>How many dates the preview shows.</summary>
    public const int Dates = 5;
}

/// <summary>A series' rule (as stored), its summary in the caller's language, and its next dates.</summary>
internal sealed record SeriesPreview(string RecurrenceRule, string Summary, string TimeZone, IReadOnlyList<PlannedOccurrence> Next);

internal sealed class PreviewSeriesValidator : AbstractValidator<PreviewSeries>
{
    public PreviewSeriesValidator(IStringLocalizer<MeetingsText> text, TimeProvider clock)
    {
        Include(new SeriesScheduleValidator(text, clock));
        RuleFor(s => s.TimeZone).Must(zone => string.IsNullOrWhiteSpace(zone) || Recurrence.FindZone(zone) is not null)
            .WithMessage(_ => text["Validation_UnknownTimeZone"]);
    }
}

internal sealed class PreviewSeriesHandler(IStringLocalizer<MeetingsText> text, TimeProvider clock) : IRequestHandler<PreviewSeries, SeriesPreview>
{
    public Task<SeriesPreview> Handle(PreviewSeries request, CancellationToken cancellationToken)
    {
        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? TimeZoneChoices.Default : request.TimeZone.Trim();
        var rule = request.RecurrenceRule.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow();
        var next = OccurrenceScheduler.Plan(rule, request.FirstDate, request.StartTime, request.DurationMinutes, zone, request.NumberOffset,
                request.FirstDate.AddYears(MeetingDates.YearsAhead + 1))
            .Where(o => o.StartsAt >= now).Take(PreviewSeries.Dates).ToList();
        return Task.FromResult(new SeriesPreview(rule, RecurrenceSummary.Describe(text, rule, request.FirstDate, request.StartTime, request.DurationMinutes), zone, next));
    }
}
