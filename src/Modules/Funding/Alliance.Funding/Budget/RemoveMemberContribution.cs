using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Budget;

/// <summary>Staff remove a member's contribution from the plan.</summary>
[AllowedFor(Who.Staff)]
internal sealed record RemoveMemberContribution(Guid ApplicationId, Guid ContributionId) : IRequest<Unit>;

internal sealed class RemoveMemberContributionHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<RemoveMemberContribution, Unit>
{
    public async Task<Unit> Handle(RemoveMemberContribution request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var contribution = await db.MemberContributions.FirstOrDefaultAsync(m => m.Id == request.ContributionId && m.ApplicationId == application.Id, cancellationToken)
            ?? throw NotFoundException.For("MemberContribution", request.ContributionId);
        db.MemberContributions.Remove(contribution);
        return Unit.Value;
    }
}
