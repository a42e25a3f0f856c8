using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Dashboard;

/// <summary>A representative's dashboard card: own labs, open action items, proposals the organisation can still support.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetLabsRepresentativeCard : IRequest<LabsRepresentativeCardView>;

/// <summary>Counts for the representative card.</summary>
internal sealed record LabsRepresentativeCardView(int Labs, int OpenActionItems, int ProposalsToSupport);

internal sealed class GetLabsRepresentativeCardHandler(LabsDbContext db, ICurrentUser user) : IRequestHandler<GetLabsRepresentativeCard, LabsRepresentativeCardView>
{
    public async Task<LabsRepresentativeCardView> Handle(GetLabsRepresentativeCard request, CancellationToken cancellationToken)
    {
        var organization = user.OrganizationId;
        var person = user.PersonId;
        var labs = await db.Memberships.CountAsync(m => m.OrganizationId == organization && m.LeftAt == null, cancellationToken);
        var actionItems = await db.ActionItems.CountAsync(a => a.Status == ActionItemStatus.Open
            && ((person != null && a.OwnerPersonId == person) || (organization != null && a.OwnerOrganizationId == organization)), cancellationToken);
        var toSupport = organization is null ? 0 : await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Open && p.OrganizationId != organization
            && !p.Supports.Any(s => s.OrganizationId == organization), cancellationToken);
        return new LabsRepresentativeCardView(labs, actionItems, toSupport);
    }
}
