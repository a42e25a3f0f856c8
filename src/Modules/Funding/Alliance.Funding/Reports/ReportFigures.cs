using System.Text.Json;
using Alliance.Labs.Contracts;
using Alliance.Meetings.Contracts;
using Alliance.Members.Contracts;
using Alliance.Surveys.Contracts;

namespace Alliance.Funding.Reports;

/// <summary>
/// The figures of a report's period as the modules answered them when the draft was made or refreshed: member
/// organisations (Members), meetings and participants by partner group (Meetings), labs, outcomes, matching and the
/// programme funnel (Labs), surveys (Surveys) and the money of the period (this module). A module that is not part of
/// the installation has no figures (null). Stored as jsonb on the report, so a submitted report keeps the figures it
/// was submitted with.
/// </summary>
internal sealed record ReportFigures(
    DateOnly From,
    DateOnly To,
    MembershipStatistics Members,
    MeetingStatistics? Meetings,
    LabStatistics? Labs,
    SurveyStatistics? Surveys,
    FinancialFigures Finance)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON stored in <c>reports.figures</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the stored JSON back.</summary>
    public static ReportFigures FromJson(string json) => JsonSerializer.Deserialize<ReportFigures>(json, Json)!;
}

/// <summary>
/// The money of a report's period: budget against actual per year and cost category for the project years the period
/// touches (actual = expenses dated in the period), the amounts granted for those years, the drawdowns in the period,
/// and what was spent and drawn from the project's start up to the period's end.
/// </summary>
internal sealed record FinancialFigures(
    IReadOnlyList<ReportBudgetRow> BudgetVsActual,
    decimal Granted,
    decimal Expenses,
    decimal Drawn,
    IReadOnlyList<ReportDrawdown> Drawdowns,
    decimal ExpensesToDate,
    decimal DrawnToDate)
{
    /// <summary>The budget of the years the period touches.</summary>
    public decimal Budget => BudgetVsActual.Sum(r => r.Budget);
}

/// <summary>Budget and expenses of the period in one year and cost category.</summary>
internal sealed record ReportBudgetRow(int Year, string Category, decimal Budget, decimal Actual)
{
    /// <summary>What is left (negative when overspent).</summary>
    public decimal Remaining => Budget - Actual;
}

/// <summary>A drawdown (Mittelabruf) in the period.</summary>
internal sealed record ReportDrawdown(DateOnly Date, decimal Amount);

/// <summary>The narrative of one work package: what was done in it in the period.</summary>
internal sealed record WorkPackageNarrative(Guid WorkPackageId, int Number, string Title, string? Text)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON stored in <c>reports.work_done</c>.</summary>
    public static string ToJson(IReadOnlyList<WorkPackageNarrative> items) => JsonSerializer.Serialize(items, Json);

    /// <summary>Reads the stored JSON back.</summary>
    public static IReadOnlyList<WorkPackageNarrative> FromJson(string json) => JsonSerializer.Deserialize<List<WorkPackageNarrative>>(json, Json) ?? [];
}
