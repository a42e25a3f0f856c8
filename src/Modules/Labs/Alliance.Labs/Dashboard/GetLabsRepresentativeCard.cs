using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Dashboard;

/// <summary>
/// A member's "what needs me now" card: my labs, my open action items, my organisation's waiting membership requests and
/// open proposals, proposals it can still support — and, for a coordinator, the requests waiting in and the open tasks
/// of the labs she coordinates. Counted in one SQL statement.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetLabsRepresentativeCard : IRequest<LabsRepresentativeCardView>;

/// <summary>Counts for the member card; <see cref="CoordinatedLabs"/> is 0 for someone who coordinates no lab.</summary>
internal sealed record LabsRepresentativeCardView(
    int Labs, int OpenActionItems, int OwnPendingRequests, int OwnOpenProposals, int ProposalsToSupport,
    int CoordinatedLabs, int CoordinatedPendingRequests, int CoordinatedOpenActionItems)
{
    /// <summary>
    /// Whether anything waits for the reader: their tasks, their organisation's requests and proposals, their labs'
    /// requests and tasks. Their labs alone, or other organisations' proposals they could support, are no reason to show the card.
    /// </summary>
    public bool HasSomething =>
        OpenActionItems + OwnPendingRequests + OwnOpenProposals + CoordinatedPendingRequests + CoordinatedOpenActionItems > 0;
}

internal sealed class GetLabsRepresentativeCardHandler(LabsDbContext db, ICurrentUser user) : IRequestHandler<GetLabsRepresentativeCard, LabsRepresentativeCardView>
{
    public Task<LabsRepresentativeCardView> Handle(GetLabsRepresentativeCard request, CancellationToken cancellationToken)
    {
        // Guid.Empty matches nobody: someone without an organisation (or person) has none of its rows.
        var organization = user.OrganizationId ?? Guid.Empty;
        var person = user.PersonId ?? Guid.Empty;
        var coordinated = db.Coordinators.Where(c => c.PersonId == person).Select(c => c.LabId);
        return db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"")
            .Select(_ => new LabsRepresentativeCardView(
                db.Memberships.Count(m => m.OrganizationId == organization && m.LeftAt == null),
                db.ActionItems.Count(a => a.Status == ActionItemStatus.Open && (a.OwnerPersonId == person || a.OwnerOrganizationId == organization)),
                db.MembershipRequests.Count(r => r.Status == MembershipRequestStatus.Pending && r.OrganizationId == organization),
                db.Proposals.Count(p => p.Status == ProposalStatus.Open && p.OrganizationId == organization),
                db.Proposals.Count(p => p.Status == ProposalStatus.Open && organization != Guid.Empty && p.OrganizationId != organization
                    && !p.Supports.Any(s => s.OrganizationId == organization)),
                coordinated.Count(),
                db.MembershipRequests.Count(r => r.Status == MembershipRequestStatus.Pending && coordinated.Contains(r.LabId)),
                db.ActionItems.Count(a => a.Status == ActionItemStatus.Open && a.LabId != null && coordinated.Contains(a.LabId.Value))))
            .SingleAsync(cancellationToken);
    }
}
