using Alliance.Shared.Contracts;

namespace Alliance.Shared.Localization;

/// <summary>
/// The instants that bound a reporting period of whole days in the alliance's zone: <see cref="Start"/> is midnight
/// at the beginning of the first day, <see cref="End"/> (exclusive) midnight after the last day, both in UTC so they
/// can be compared with timestamptz columns. An instant <c>t</c> is in the period when <c>Start &lt;= t &lt; End</c>.
/// </summary>
public readonly record struct PeriodInstants(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The bounds of <paramref name="period"/>.</summary>
    public static PeriodInstants Of(IReportingPeriod period) => Of(period.From, period.To);

    /// <summary>The bounds of the days <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static PeriodInstants Of(DateOnly from, DateOnly to) =>
        new(AllianceTime.StartOf(from).ToUniversalTime(), AllianceTime.StartOf(to.AddDays(1)).ToUniversalTime());
}
