using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Proposals;

internal enum ProposalSort
{
    Supports = 0,
    Newest = 1,
    Oldest = 2,
}

/// <summary>Topic proposals, sortable by supports and age; "can I support it" computed in SQL.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListProposals(
    ProposalStatus? Status = null,
    ProposalSort Sort = ProposalSort.Supports,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<ProposalListItem>>;

internal sealed record ProposalListItem(
    Guid Id, string Title, string Organization, string? ActionField, ProposalStatus Status, int Supports, DateTimeOffset CreatedAt, bool SupportedByMe, bool IsMine);

internal sealed class ListProposalsHandler(LabsDbContext db, ICurrentUser user) : IRequestHandler<ListProposals, PagedResult<ProposalListItem>>
{
    public Task<PagedResult<ProposalListItem>> Handle(ListProposals request, CancellationToken cancellationToken)
    {
        var own = user.OrganizationId;
        var query = db.Proposals.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        var ordered = request.Sort switch
        {
            ProposalSort.Newest => query.OrderByDescending(p => p.CreatedAt),
            ProposalSort.Oldest => query.OrderBy(p => p.CreatedAt),
            _ => query.OrderByDescending(p => p.Supports.Count).ThenBy(p => p.CreatedAt),
        };

        return ordered.ThenBy(p => p.Id)
            .Select(p => new ProposalListItem(
                p.Id, p.Title,
                db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "—",
                db.ActionFields.Where(a => a.Id == p.ActionFieldId).Select(a => a.Title).FirstOrDefault(),
                p.Status, p.Supports.Count, p.CreatedAt,
                p.Supports.Any(s => s.OrganizationId == own), p.OrganizationId == own))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
