using Alliance.Shared.Localization;
using FluentValidation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace Alliance.Shared.Input;

/// <summary>
/// Shared FluentValidation rules for the limits of <see cref="RequestLimits"/>. Pages send requests without JSON, so
/// a use case whose request has dates or collections states them in its validator too.
/// </summary>
public static class InputRules
{
    /// <summary>The collection (if given) has at most <paramref name="max"/> elements.</summary>
    public static IRuleBuilderOptions<T, TCollection?> MaxItems<T, TCollection>(this IRuleBuilder<T, TCollection?> rule, int max)
        where TCollection : IEnumerable<object?>
        => rule.Must(items => items is null || items.Take(max + 1).Count() <= max)
            .WithMessage((_, _) => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text()["Input_MaxItems"], max));

    /// <summary>A date (if given) lies in the alliance's range (2000-01-01 … 2100-12-31).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> InAllianceRange<T>(this IRuleBuilder<T, DateOnly?> rule)
        => rule.Must(d => d is null || RequestLimits.InRange(d.Value)).WithMessage(_ => Text()[RefusedInputException.DateOutOfRange]);

    /// <summary>A date lies in the alliance's range (2000-01-01 … 2100-12-31).</summary>
    public static IRuleBuilderOptions<T, DateOnly> InAllianceRange<T>(this IRuleBuilder<T, DateOnly> rule)
        => rule.Must(RequestLimits.InRange).WithMessage(_ => Text()[RefusedInputException.DateOutOfRange]);

    /// <summary>An instant (if given) lies in the alliance's range (judged by its UTC date).</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> InAllianceRange<T>(this IRuleBuilder<T, DateTimeOffset?> rule)
        => rule.Must(d => d is null || RequestLimits.InRange(d.Value)).WithMessage(_ => Text()[RefusedInputException.DateOutOfRange]);

    /// <summary>An instant lies in the alliance's range (judged by its UTC date).</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset> InAllianceRange<T>(this IRuleBuilder<T, DateTimeOffset> rule)
        => rule.Must(RequestLimits.InRange).WithMessage(_ => Text()[RefusedInputException.DateOutOfRange]);

    /// <summary>
    /// A due date (of an action item, wherever it is made: lab task form, plenary decision) is today or later in the
    /// alliance's zone (<see cref="AllianceTime.Today"/>); empty is allowed. One rule and one message for all of them.
    /// </summary>
    public static IRuleBuilderOptions<T, DateOnly?> DueTodayOrLater<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock)
        => rule.Must(d => d is null || d >= AllianceTime.Today(clock)).WithMessage(_ => Text()["Validation_DueDateInPast"]);

    /// <summary>The text (if given) has no NUL, non-character or lone surrogate (for input that did not come through HTTP).</summary>
    public static IRuleBuilderOptions<T, string?> CleanText<T>(this IRuleBuilder<T, string?> rule)
        => rule.Must(InputText.IsClean).WithMessage(_ => Text()[RefusedInputException.RefusedCharacters]);

    // The same resx the host's localizer reads; it answers in the current UI culture of the request.
    private static readonly Lazy<IStringLocalizer> Shared = new(() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SharedText)));

    internal static IStringLocalizer Text() => Shared.Value;
}
