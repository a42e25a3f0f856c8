namespace Alliance.Funding.Common;

/// <summary>Settings of the funding module (section <c>Funding</c>).</summary>
internal sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>Days before a call's submission deadline on which the responsible person is reminded.</summary>
    public int[] ReminderDays { get; set; } = [30, 7];

    /// <summary>How far (percent) actual spending may exceed a budget line before it is flagged as overspent.</summary>
    public decimal OverspendTolerancePercent { get; set; } = 20m;

    /// <summary>Drawn funds must be spent within this many days (six weeks is common).</summary>
    public int SpendWithinDays { get; set; } = 42;

    /// <summary>A drawdown is flagged this many days before its spending period ends.</summary>
    public int SpendWarningDays { get; set; } = 7;
}
