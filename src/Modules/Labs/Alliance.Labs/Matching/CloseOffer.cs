using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>The offering organisation (or staff) withdraws its offer; existing matches stay.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CloseOffer(Guid OfferId) : IRequest<Unit>;

internal sealed class CloseOfferHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<CloseOffer, Unit>
{
    public async Task<Unit> Handle(CloseOffer request, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == request.OfferId, cancellationToken) ?? throw NotFoundException.For("Offer", request.OfferId);
        LabPermissions.Require(permissions.CanClosePosting(offer.OrganizationId));

        offer.IsClosed = true;
        return Unit.Value;
    }
}
