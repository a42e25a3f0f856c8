using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>The offering organisation (or staff) withdraws its offer; existing matches stay.</summary>
internal sealed record CloseOffer(Guid OfferId) : IRequest<Unit>;

internal sealed class CloseOfferHandler(LabsDbContext db, LabAccess access) : IRequestHandler<CloseOffer, Unit>
{
    public async Task<Unit> Handle(CloseOffer request, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == request.OfferId, cancellationToken) ?? throw NotFoundException.For("Offer", request.OfferId);
        if (!access.User.IsStaff && offer.OrganizationId != access.User.OrganizationId)
        {
            throw new ForbiddenException();
        }

        offer.IsClosed = true;
        return Unit.Value;
    }
}
