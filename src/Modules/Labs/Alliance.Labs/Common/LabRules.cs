using Alliance.Labs.Resources;
using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Common;

/// <summary>Rules several labs requests share, so each is written (and worded) once.</summary>
internal static class LabRules
{
    /// <summary>The earliest date a lab, due date or contact may carry: nothing of the alliance is older.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>The latest date: further ahead is a typing error.</summary>
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>Most entries a list in a request may hold when nothing smaller applies.</summary>
    public const int MaxListEntries = 100;

    /// <summary>A date between <see cref="EarliestDate"/> and <see cref="LatestDate"/> (or none).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDate<T>(this IRuleBuilder<T, DateOnly?> rule, IStringLocalizer<LabsText> text) =>
        rule.Must(date => date is null || (date >= EarliestDate && date <= LatestDate))
            .WithMessage(_ => text["Validation_DateOutOfRange", EarliestDate.Year, LatestDate.Year]);

    /// <summary>A date between <see cref="EarliestDate"/> and <see cref="LatestDate"/>.</summary>
    public static IRuleBuilderOptions<T, DateOnly> PlausibleDate<T>(this IRuleBuilder<T, DateOnly> rule, IStringLocalizer<LabsText> text) =>
        rule.Must(date => date >= EarliestDate && date <= LatestDate)
            .WithMessage(_ => text["Validation_DateOutOfRange", EarliestDate.Year, LatestDate.Year]);

    /// <summary>
    /// The one due-date rule of the labs (action items, needs): today or later in the alliance's time zone — not the
    /// UTC date, which is yesterday's in Berlin after midnight.
    /// </summary>
    public static IRuleBuilderOptions<T, DateOnly?> TodayOrLater<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock, IStringLocalizer<LabsText> text, string messageKey) =>
        rule.Must(date => date is null || date >= AllianceTime.Today(clock)).WithMessage(_ => text[messageKey]);

    /// <summary>At most <paramref name="max"/> entries (or none).</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> AtMost<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max, IStringLocalizer<LabsText> text) =>
        rule.Must(list => list is null || list.Count <= max).WithMessage(_ => text["Validation_TooMany", max]);
}
