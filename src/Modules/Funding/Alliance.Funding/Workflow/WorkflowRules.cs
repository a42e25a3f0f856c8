using Alliance.Funding.Domain;

namespace Alliance.Funding.Workflow;

/// <summary>
/// The application workflow: Draft → InternalReview → Submitted → Approved / PartiallyApproved / Rejected →
/// Running → Closed; withdrawn from any state before it runs; back from internal review to draft. Rejected, Closed
/// and Withdrawn are final.
/// </summary>
internal static class WorkflowRules
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Next = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.InternalReview, ApplicationStatus.Withdrawn],
        [ApplicationStatus.InternalReview] = [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Submitted] = [ApplicationStatus.Approved, ApplicationStatus.PartiallyApproved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Approved] = [ApplicationStatus.Running, ApplicationStatus.Withdrawn],
        [ApplicationStatus.PartiallyApproved] = [ApplicationStatus.Running, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Running] = [ApplicationStatus.Closed],
    };

    /// <summary>The states an application may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ApplicationStatus> From(ApplicationStatus from) => Next.TryGetValue(from, out var next) ? next : [];

    /// <summary>Whether the move is allowed.</summary>
    public static bool Allows(ApplicationStatus from, ApplicationStatus to) => From(from).Contains(to);

    /// <summary>Approval needs the granted amounts and reporting periods: it has its own request.</summary>
    public static bool IsApproval(ApplicationStatus to) => to is ApplicationStatus.Approved or ApplicationStatus.PartiallyApproved;
}
