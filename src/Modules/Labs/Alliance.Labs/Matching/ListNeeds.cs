using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Matching;

/// <summary>Open needs (newest first), with how many offers are matched to each.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListNeeds(bool IncludeClosed = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<NeedListItem>>;

internal sealed record NeedListItem(Guid Id, string Title, string Organization, string? ForWhom, DateOnly? Until, int? Quantity, int Matches, bool IsMine, bool IsClosed);

internal sealed class ListNeedsHandler(LabsDbContext db, ICurrentUser user) : IRequestHandler<ListNeeds, PagedResult<NeedListItem>>
{
    public Task<PagedResult<NeedListItem>> Handle(ListNeeds request, CancellationToken cancellationToken)
    {
        var own = user.OrganizationId;
        var query = db.Needs.AsNoTracking();
        if (!request.IncludeClosed)
        {
            query = query.Where(n => !n.IsClosed);
        }

        return query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new NeedListItem(n.Id, n.Title, db.Organizations.Where(o => o.Id == n.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "—",
                n.ForWhom, n.Until, n.Quantity, db.Matches.Count(m => m.NeedId == n.Id), n.OrganizationId == own, n.IsClosed))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
