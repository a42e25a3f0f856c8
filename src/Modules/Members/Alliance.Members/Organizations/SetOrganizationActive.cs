using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Alliance.Shared.Errors;
using Alliance.Shared.Messaging;
using Alliance.Shared.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Organizations;

/// <summary>
/// Staff deactivate an organisation that left the alliance (it disappears from the directory and from mailings,
/// its history stays) or reactivate it. Setting the state it already has changes nothing.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record SetOrganizationActive(Guid Id, bool IsActive) : IRequest<Unit>;

internal sealed class SetOrganizationActiveHandler(MembersDbContext db, TimeProvider clock)
    : IRequestHandler<SetOrganizationActive, Unit>
{
    public async Task<Unit> Handle(SetOrganizationActive request, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("Organization", request.Id);
        if (organization.IsActive == request.IsActive)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        organization.IsActive = request.IsActive;
        organization.Touch(now);
        db.AddIntegrationEvent(organization.ChangedEvent(), now);
        return Unit.Value;
    }
}
