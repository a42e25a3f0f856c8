using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>
/// One offer, open or withdrawn, with its number of matches — every signed-in person reads offers (the list shows
/// them all, as <see cref="GetNeed"/> shows any need); 404 for an unknown id. The Location of <c>PostOffer</c>.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetOffer(Guid OfferId) : IRequest<OfferView>;

/// <summary>An offer; <see cref="IsMine"/>: posted by the caller's organisation; <see cref="CanClose"/>: the caller may withdraw it.</summary>
internal sealed record OfferView(
    Guid Id, string Title, string? Description, Guid OrganizationId, string Organization, int? Quantity, bool IsClosed,
    DateTimeOffset CreatedAt, int Matches, bool IsMine, bool CanClose);

internal sealed class GetOfferHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<GetOffer, OfferView>
{
    public async Task<OfferView> Handle(GetOffer request, CancellationToken cancellationToken)
    {
        var own = permissions.OwnOrganization;
        var offer = await db.Offers.AsNoTracking().Where(o => o.Id == request.OfferId)
            .Select(o => new OfferView(o.Id, o.Title, o.Description, o.OrganizationId,
                db.Organizations.Where(x => x.Id == o.OrganizationId).Select(x => x.Name).FirstOrDefault() ?? "—",
                o.Quantity, o.IsClosed, o.CreatedAt, db.Matches.Count(m => m.OfferId == o.Id), o.OrganizationId == own, false))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Offer", request.OfferId);
        return offer with { CanClose = !offer.IsClosed && permissions.CanClosePosting(offer.OrganizationId) };
    }
}
