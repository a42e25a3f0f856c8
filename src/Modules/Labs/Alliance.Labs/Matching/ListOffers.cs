using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Labs.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>Open offers (newest first); <paramref name="ExceptOrganizationId"/> leaves out one organisation (for the match picker).</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListOffers(Guid? ExceptOrganizationId = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<OfferListItem>>;

/// <summary>An open offer; <see cref="CanClose"/>: the user may withdraw it.</summary>
internal sealed record OfferListItem(Guid Id, string Title, string? Description, Guid OrganizationId, string Organization, int? Quantity, int Matches, bool IsMine, bool CanClose);

internal sealed class ListOffersHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<ListOffers, PagedResult<OfferListItem>>
{
    public async Task<PagedResult<OfferListItem>> Handle(ListOffers request, CancellationToken cancellationToken)
    {
        var own = permissions.OwnOrganization;
        var query = db.Offers.AsNoTracking().Where(o => !o.IsClosed);
        if (request.ExceptOrganizationId is { } except)
        {
            query = query.Where(o => o.OrganizationId != except);
        }

        var page = await query.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new OfferListItem(o.Id, o.Title, o.Description, o.OrganizationId,
                db.Organizations.Where(x => x.Id == o.OrganizationId).Select(x => x.Name).FirstOrDefault() ?? "—",
                o.Quantity, db.Matches.Count(m => m.OfferId == o.Id), o.OrganizationId == own, false))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        return page with { Items = page.Items.Select(o => o with { CanClose = permissions.CanClosePosting(o.OrganizationId) }).ToList() };
    }
}
