using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.Membership;

/// <summary>An organisation leaves a lab (its representative), or the coordinator/staff end the membership.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record LeaveLab(Guid MembershipId) : IRequest<Unit>;

internal sealed class LeaveLabHandler(LabsDbContext db, LabPermissions permissions, TimeProvider clock) : IRequestHandler<LeaveLab, Unit>
{
    public async Task<Unit> Handle(LeaveLab request, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == request.MembershipId && m.LeftAt == null, cancellationToken)
            ?? throw NotFoundException.For("Membership", request.MembershipId);
        await permissions.RequireCanEndMembershipAsync(membership, cancellationToken);

        var now = clock.GetUtcNow();
        membership.LeftAt = now;
        return Unit.Value;
    }
}
