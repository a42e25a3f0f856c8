using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>
/// Staff deactivate an organisation that left the alliance (it disappears from the directory and from mailings,
/// its history stays) or reactivate it. Setting the state it already has changes nothing.
/// </summary>
internal sealed record SetOrganizationActive(Guid Id, bool IsActive) : IRequest<Unit>;

internal sealed class SetOrganizationActiveHandler(MembersDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SetOrganizationActive, Unit>
{
    public async Task<Unit> Handle(SetOrganizationActive request, CancellationToken cancellationToken)
    {
        if (!user.IsStaff)
        {
            throw new ForbiddenException("Only staff may deactivate or reactivate organisations.");
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("Organization", request.Id);
        if (organization.IsActive == request.IsActive)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        organization.IsActive = request.IsActive;
        organization.Touch(now);
        db.AddIntegrationEvent(new OrganizationChanged(organization.ToSummary()), now);
        return Unit.Value;
    }
}
