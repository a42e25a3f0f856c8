using Alliance.Funding.Common;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Applications;

/// <summary>Staff remove a partner from an application's plan.</summary>
[AllowedFor(Who.Staff)]
internal sealed record RemovePartner(Guid ApplicationId, Guid PartnerId) : IRequest<Unit>;

internal sealed class RemovePartnerHandler(FundingDbContext db, FundingPermissions permissions) : IRequestHandler<RemovePartner, Unit>
{
    public async Task<Unit> Handle(RemovePartner request, CancellationToken cancellationToken)
    {
        var application = await permissions.EditableApplicationAsync(request.ApplicationId, cancellationToken);
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == request.PartnerId && p.ApplicationId == application.Id, cancellationToken)
            ?? throw NotFoundException.For("Partner", request.PartnerId);
        db.Partners.Remove(partner);
        return Unit.Value;
    }
}
