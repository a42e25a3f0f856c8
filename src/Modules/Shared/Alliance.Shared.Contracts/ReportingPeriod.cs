namespace Alliance.Shared.Contracts;

/// <summary>
/// A request about a reporting period (funding reports): <see cref="From"/> to <see cref="To"/>, both days included,
/// as days in the alliance's time zone (<c>AllianceTime.Zone</c>). An instant belongs to the period when it lies at or
/// after midnight of <see cref="From"/> and before midnight after <see cref="To"/>, both in that zone. Its validator
/// derives from <c>ReportingPeriodValidator&lt;T&gt;</c> (To not before From, at most ten years, dates 2000–2100).
/// </summary>
public interface IReportingPeriod
{
    /// <summary>The first day of the period (inclusive).</summary>
    DateOnly From { get; }

    /// <summary>The last day of the period (inclusive).</summary>
    DateOnly To { get; }
}
