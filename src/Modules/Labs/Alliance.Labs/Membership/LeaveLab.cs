using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Membership;

/// <summary>An organisation leaves a lab (its representative), or the coordinator/staff end the membership.</summary>
internal sealed record LeaveLab(Guid MembershipId) : IRequest<Unit>;

internal sealed class LeaveLabHandler(LabsDbContext db, LabAccess access, TimeProvider clock) : IRequestHandler<LeaveLab, Unit>
{
    public async Task<Unit> Handle(LeaveLab request, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == request.MembershipId && m.LeftAt == null, cancellationToken)
            ?? throw NotFoundException.For("Membership", request.MembershipId);
        if (membership.OrganizationId != access.User.OrganizationId)
        {
            await access.RequireManagerAsync(membership.LabId, cancellationToken);
        }

        var now = clock.GetUtcNow();
        membership.LeftAt = now;
        db.AddIntegrationEvent(new LabMembershipEnded(membership.LabId, membership.OrganizationId), now);
        return Unit.Value;
    }
}
