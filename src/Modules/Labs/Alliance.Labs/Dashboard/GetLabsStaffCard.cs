using Alliance.Labs.Contracts;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Dashboard;

/// <summary>The office's dashboard card: labs by status, proposals waiting for an answer, overdue action items.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetLabsStaffCard : IRequest<LabsStaffCardView>;

/// <summary>Counts for the staff card.</summary>
internal sealed record LabsStaffCardView(IReadOnlyDictionary<LabStatus, int> LabsByStatus, int ProposalsWaiting, int OverdueActionItems);

internal sealed class GetLabsStaffCardHandler(LabsDbContext db, TimeProvider clock) : IRequestHandler<GetLabsStaffCard, LabsStaffCardView>
{
    public async Task<LabsStaffCardView> Handle(GetLabsStaffCard request, CancellationToken cancellationToken)
    {
        var today = AllianceTime.Today(clock);
        var byStatus = await db.Labs.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var waiting = await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Open, cancellationToken);
        var overdue = await db.ActionItems.CountAsync(a => a.Status == ActionItemStatus.Open && a.DueDate < today, cancellationToken);
        return new LabsStaffCardView(byStatus, waiting, overdue);
    }
}
