using Alliance.Meetings.Resources;
using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// The planning range every date a user gives Meetings must fall in: from today (in the alliance's zone, with a day's
/// slack for other zones) up to ten years ahead. Checked before any time-zone arithmetic, so <c>0001-01-01</c> or
/// <c>9999-12-31</c> is a field error, never an overflow.
/// </summary>
internal static class MeetingDates
{
    public const int YearsAhead = 10;

    public static bool InRange(DateTime local, TimeProvider clock)
    {
        var today = AllianceTime.Today(clock).ToDateTime(TimeOnly.MinValue);
        return local >= today.AddDays(-1) && local <= today.AddYears(YearsAhead);
    }

    /// <summary>A series may start up to ten years back (its earlier occurrences count for the numbering) or ahead.</summary>
    public static bool InRange(DateOnly date, TimeProvider clock)
    {
        var today = AllianceTime.Today(clock);
        return date >= today.AddYears(-YearsAhead) && date <= today.AddYears(YearsAhead);
    }

    /// <summary>The date lies in the planning range (stop the rule chain before anything converts it).</summary>
    public static IRuleBuilderOptions<T, DateTime> InPlanningRange<T>(this IRuleBuilder<T, DateTime> rule, TimeProvider clock, IStringLocalizer<MeetingsText> text) =>
        rule.Must(local => InRange(local, clock)).WithMessage(_ => text["Validation_DateOutOfRange"]);

    /// <summary>The optional date lies in the planning range.</summary>
    public static IRuleBuilderOptions<T, DateTime?> InPlanningRange<T>(this IRuleBuilder<T, DateTime?> rule, TimeProvider clock, IStringLocalizer<MeetingsText> text) =>
        rule.Must(local => local is null || InRange(local.Value, clock)).WithMessage(_ => text["Validation_DateOutOfRange"]);

    /// <summary>The series' first date lies within ten years back or ahead.</summary>
    public static IRuleBuilderOptions<T, DateOnly> InPlanningRange<T>(this IRuleBuilder<T, DateOnly> rule, TimeProvider clock, IStringLocalizer<MeetingsText> text) =>
        rule.Must(date => InRange(date, clock)).WithMessage(_ => text["Validation_DateOutOfRange"]);
}
