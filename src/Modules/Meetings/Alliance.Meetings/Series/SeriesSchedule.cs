using Alliance.Meetings.Domain;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>When a series meets: what <see cref="CreateSeries"/> stores and <see cref="PreviewSeries"/> shows.</summary>
internal interface ISeriesSchedule
{
    string RecurrenceRule { get; }
    DateOnly FirstDate { get; }
    TimeOnly StartTime { get; }
    int DurationMinutes { get; }
    int NumberOffset { get; }
}

/// <summary>The rule is a valid RRULE that yields a date from the first date on (an UNTIL before it is "end before start").</summary>
internal sealed class SeriesScheduleValidator : AbstractValidator<ISeriesSchedule>
{
    public SeriesScheduleValidator(IStringLocalizer<MeetingsText> text, TimeProvider clock)
    {
        RuleFor(s => s.FirstDate).InPlanningRange(clock, text);
        RuleFor(s => s.RecurrenceRule).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Validation_InvalidRule"])
            .MaximumLength(TextLimits.RecurrenceRule).WithMessage(_ => string.Format(text["Validation_RuleTooLong"], TextLimits.RecurrenceRule))
            .Must(Recurrence.IsValidRule).WithMessage(_ => text["Validation_InvalidRule"])
            .Must((s, rule) => !MeetingDates.InRange(s.FirstDate, clock) || YieldsADate(rule, s.FirstDate, s.StartTime))
            .WithMessage(_ => text["Validation_RuleNoDates"]);
        RuleFor(s => s.DurationMinutes).InclusiveBetween(1, 24 * 60).WithMessage(_ => text["Validation_EndBeforeStart"]);
        RuleFor(s => s.NumberOffset).InclusiveBetween(0, 10_000).WithMessage(_ => text["Validation_NumberOffset"]);
    }

    private static bool YieldsADate(string rule, DateOnly firstDate, TimeOnly startTime) =>
        Recurrence.LocalStarts(rule, firstDate, startTime, firstDate.AddYears(MeetingDates.YearsAhead + 1)).Any();
}
