using System.Globalization;
using Alliance.Funding.Resources;
using Alliance.Members.Contracts;
using Alliance.Shared.Charts;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Reports;

/// <summary>
/// The report's charts, built only from its stored <see cref="ReportFigures"/>, in the reader's language: the page shows
/// them with <c>&lt;Chart&gt;</c>, documents draw the same specs as PNG. Null when there is nothing to draw.
/// </summary>
internal static class ReportCharts
{
    /// <summary>Participants (attendances) of the period's meetings per partner group, every group listed.</summary>
    public static ChartSpec? ParticipantsByPartnerGroup(ReportFigures figures, IStringLocalizer<FundingText> text, CultureInfo culture)
    {
        if (figures.Meetings is not { Attendances: > 0 } meetings)
        {
            return null;
        }

        var rows = meetings.ByPartnerGroup;
        return new ChartSpec(text["ReportChart_ByPartnerGroup"], ChartKind.HorizontalBar,
            [.. rows.Select(r => GroupLabel(r.PartnerGroup, text))],
            [new ChartSeries(text["Report_Attendances"], [.. rows.Select(r => (double)r.Attendances)])],
            culture)
        {
            CategoryAxisLabel = text["Report_PartnerGroup"],
            ValueAxisLabel = text["Report_Attendances"],
            ValueFormat = "#,##0",
            WholeNumbers = true,
        };
    }

    /// <summary>Participants per month of the period, stacked by partner group (groups without any participant left out).</summary>
    public static ChartSpec? ParticipantsOverTime(ReportFigures figures, IStringLocalizer<FundingText> text, CultureInfo culture)
    {
        if (figures.Meetings is not { Attendances: > 0 } meetings || meetings.ByMonth.Count == 0)
        {
            return null;
        }

        var groups = meetings.ByPartnerGroup.Where(g => g.Attendances > 0).Select(g => g.PartnerGroup).ToList();
        return new ChartSpec(text["ReportChart_OverTime"], ChartKind.StackedBar,
            [.. meetings.ByMonth.Select(m => m.Month.ToString("MMM yyyy", culture))],
            [.. groups.Select(g => new ChartSeries(GroupLabel(g, text),
                [.. meetings.ByMonth.Select(m => (double)(m.ByPartnerGroup.FirstOrDefault(x => x.PartnerGroup == g)?.Attendances ?? 0))]))],
            culture)
        {
            CategoryAxisLabel = text["Report_Month"],
            ValueAxisLabel = text["Report_Attendances"],
            ValueFormat = "#,##0",
            WholeNumbers = true,
        };
    }

    /// <summary>A partner group's name; null stands for attendances without an organisation.</summary>
    public static string GroupLabel(PartnerGroup? group, IStringLocalizer<FundingText> text) =>
        group is { } g ? text[$"PartnerGroup_{g}"] : text["Report_NoPartnerGroup"];
}
