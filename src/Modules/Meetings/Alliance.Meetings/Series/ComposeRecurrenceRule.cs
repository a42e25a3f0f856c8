using Alliance.Meetings.Meetings;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Series;

/// <summary>
/// The recurrence picker's fields turned into the RRULE the series stores (pages send it before <see cref="CreateSeries"/>
/// or <see cref="PreviewSeries"/>; the API takes the RRULE itself). Bad fields — interval 0, no or too many weekdays,
/// an end before the first date, a count of 0 or above <see cref="RecurrenceChoice.MaxCount"/> — are field errors.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ComposeRecurrenceRule(
    RepeatFrequency Frequency,
    int Interval,
    IReadOnlyList<DayOfWeek>? Weekdays,
    MonthlyBy MonthlyBy,
    int DayOfMonth,
    int WeekdayPosition,
    DayOfWeek Weekday,
    int Month,
    RepeatEnd Ends,
    DateOnly? Until,
    int? Count,
    DateOnly FirstDate) : IRequest<string>
{
    /// <summary>The picker's fields as a choice.</summary>
    public RecurrenceChoice ToChoice() =>
        new(Frequency, Interval, Weekdays ?? [], MonthlyBy, DayOfMonth, WeekdayPosition, Weekday, Month, Ends, Until, Count);
}

internal sealed class ComposeRecurrenceRuleValidator : AbstractValidator<ComposeRecurrenceRule>
{
    public ComposeRecurrenceRuleValidator(IStringLocalizer<MeetingsText> text, TimeProvider clock)
    {
        RuleFor(r => r.Frequency).IsInEnum().WithMessage(_ => text["Validation_RepeatFrequency"]);
        RuleFor(r => r.Ends).IsInEnum().WithMessage(_ => text["Validation_RepeatEnds"]);
        RuleFor(r => r.Interval).InclusiveBetween(1, RecurrenceChoice.MaxInterval)
            .When(r => r.Frequency != RepeatFrequency.None)
            .WithMessage(_ => string.Format(text["Validation_RepeatInterval"], RecurrenceChoice.MaxInterval));
        RuleFor(r => r.Weekdays).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => text["Validation_RepeatWeekdays"])
            .Must(days => days!.Count <= 7 && days.Distinct().Count() == days.Count && days.All(Enum.IsDefined)).WithMessage(_ => text["Validation_RepeatWeekdaysInvalid"])
            .When(r => r.Frequency == RepeatFrequency.Weekly);
        When(r => r.Frequency is RepeatFrequency.Monthly or RepeatFrequency.Quarterly or RepeatFrequency.Yearly, () =>
        {
            RuleFor(r => r.MonthlyBy).IsInEnum().WithMessage(_ => text["Validation_RepeatMonthlyBy"]);
            RuleFor(r => r.DayOfMonth).InclusiveBetween(1, 31).When(r => r.MonthlyBy == MonthlyBy.DayOfMonth).WithMessage(_ => text["Validation_RepeatDayOfMonth"]);
            RuleFor(r => r.WeekdayPosition).Must(RecurrenceChoice.Positions.Contains).When(r => r.MonthlyBy == MonthlyBy.Weekday).WithMessage(_ => text["Validation_RepeatPosition"]);
            RuleFor(r => r.Weekday).IsInEnum().When(r => r.MonthlyBy == MonthlyBy.Weekday).WithMessage(_ => text["Validation_RepeatWeekdaysInvalid"]);
        });
        RuleFor(r => r.Month).InclusiveBetween(1, 12).When(r => r.Frequency == RepeatFrequency.Yearly).WithMessage(_ => text["Validation_RepeatMonth"]);
        When(r => r.Frequency != RepeatFrequency.None && r.Ends == RepeatEnd.OnDate, () =>
            RuleFor(r => r.Until).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => text["Validation_RepeatUntilRequired"])
                .Must((r, until) => until >= r.FirstDate).WithMessage(_ => text["Validation_RepeatUntilBeforeFirst"])
                .Must(until => MeetingDates.InRange(until!.Value, clock)).WithMessage(_ => text["Validation_DateOutOfRange"]));
        RuleFor(r => r.Count).Must(count => count is >= 1 and <= RecurrenceChoice.MaxCount)
            .When(r => r.Frequency != RepeatFrequency.None && r.Ends == RepeatEnd.AfterCount)
            .WithMessage(_ => string.Format(text["Validation_RepeatCount"], RecurrenceChoice.MaxCount));
    }
}

internal sealed class ComposeRecurrenceRuleHandler : IRequestHandler<ComposeRecurrenceRule, string>
{
    public Task<string> Handle(ComposeRecurrenceRule request, CancellationToken cancellationToken) => Task.FromResult(request.ToChoice().ToRule());
}
