using Alliance.Shared.Contracts;
using FluentValidation;

namespace Alliance.Shared.Input;

/// <summary>
/// The rules every <see cref="IReportingPeriod"/> request shares: both days in the alliance's date range, the last day
/// not before the first, and at most <see cref="MaxYears"/> years long (statistics by month stay small).
/// A module's validator derives from it: <c>internal sealed class GetXValidator : ReportingPeriodValidator&lt;GetX&gt;;</c>.
/// </summary>
public abstract class ReportingPeriodValidator<T> : AbstractValidator<T>
    where T : IReportingPeriod
{
    /// <summary>The longest period a statistics request accepts.</summary>
    public const int MaxYears = 10;

    /// <summary>Declares the period rules; a derived validator may add its own.</summary>
    protected ReportingPeriodValidator()
    {
        RuleFor(r => r.From).InAllianceRange();
        RuleFor(r => r.To).InAllianceRange()
            .GreaterThanOrEqualTo(r => r.From).WithMessage(_ => InputRules.Text()["Validation_PeriodEndBeforeStart"])
            .Must((r, to) => to <= r.From.AddYears(MaxYears))
            .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, InputRules.Text()["Validation_PeriodTooLong"], MaxYears));
    }
}
