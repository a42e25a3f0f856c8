using Alliance.Funding.Domain;

namespace Alliance.Funding.Reports;

/// <summary>Where a reporting obligation stands.</summary>
internal enum ReportState
{
    /// <summary>The period has not ended yet.</summary>
    Open,

    /// <summary>The period has ended; the report job drafts it on its next run.</summary>
    Due,

    /// <summary>A draft exists; staff write the narrative.</summary>
    Drafted,

    /// <summary>Submitted to the funder; locked.</summary>
    Submitted,
}

/// <summary>The one place that says what state a reporting obligation is in.</summary>
internal static class ReportStates
{
    /// <summary>
    /// The states in which an application holds a grant and so has reports: the job drafts, "draft now" and the
    /// "reports due" card consider only these (a withdrawn application keeps its periods, but reports nothing).
    /// </summary>
    public static readonly ApplicationStatus[] Granted =
        [ApplicationStatus.Approved, ApplicationStatus.PartiallyApproved, ApplicationStatus.Running, ApplicationStatus.Closed];

    /// <summary>The state of a period ending <paramref name="to"/> whose report is drafted and/or submitted.</summary>
    public static ReportState Of(DateOnly to, bool drafted, bool submitted, DateOnly today) =>
        submitted ? ReportState.Submitted : drafted ? ReportState.Drafted : to < today ? ReportState.Due : ReportState.Open;

    /// <summary>Past its due day and not submitted.</summary>
    public static bool Overdue(DateOnly due, bool submitted, DateOnly today) => !submitted && due < today;
}
