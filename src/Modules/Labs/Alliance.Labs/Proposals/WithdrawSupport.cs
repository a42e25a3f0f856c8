using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Proposals;

/// <summary>An organisation takes its support back.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record WithdrawSupport(Guid ProposalId) : IRequest<Unit>;

internal sealed class WithdrawSupportHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<WithdrawSupport, Unit>
{
    public async Task<Unit> Handle(WithdrawSupport request, CancellationToken cancellationToken)
    {
        var organization = permissions.RequireOrganization();
        var support = await db.Supports.FirstOrDefaultAsync(s => s.ProposalId == request.ProposalId && s.OrganizationId == organization, cancellationToken)
            ?? throw NotFoundException.For("Support", request.ProposalId);
        db.Supports.Remove(support);
        return Unit.Value;
    }
}
