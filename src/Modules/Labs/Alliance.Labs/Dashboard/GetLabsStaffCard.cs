using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Programmes;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Alliance.Labs.Dashboard;

/// <summary>
/// The office's "what needs me now" card: membership requests waiting for a decision, proposals waiting for an answer,
/// overdue action items and programme participants due for a follow-up — counted in one SQL statement.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetLabsStaffCard : IRequest<LabsStaffCardView>;

/// <summary>Counts for the staff card.</summary>
internal sealed record LabsStaffCardView(int PendingRequests, int ProposalsWaiting, int OverdueActionItems, int FollowUpsDue)
{
    /// <summary>Whether anything waits for the office (the dashboard leaves the card out otherwise).</summary>
    public bool HasSomething => PendingRequests + ProposalsWaiting + OverdueActionItems + FollowUpsDue > 0;
}

internal sealed class GetLabsStaffCardHandler(LabsDbContext db, TimeProvider clock, IOptions<LabsOptions> options)
    : IRequestHandler<GetLabsStaffCard, LabsStaffCardView>
{
    public Task<LabsStaffCardView> Handle(GetLabsStaffCard request, CancellationToken cancellationToken)
    {
        var today = AllianceTime.Today(clock);
        var due = FollowUp.Due(today.AddDays(-options.Value.FollowUpDays), today);
        // One row of correlated counts: a single round trip whatever the data size.
        return db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"")
            .Select(_ => new LabsStaffCardView(
                db.MembershipRequests.Count(r => r.Status == MembershipRequestStatus.Pending),
                db.Proposals.Count(p => p.Status == ProposalStatus.Open),
                db.ActionItems.Count(a => a.Status == ActionItemStatus.Open && a.DueDate < today),
                db.Participants.Where(due).Count()))
            .SingleAsync(cancellationToken);
    }
}
