using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Membership;

/// <summary>Which membership requests a list shows.</summary>
internal enum RequestScope
{
    /// <summary>Everything the caller may see: the labs she manages and her organisation's own requests.</summary>
    All = 0,

    /// <summary>Requests to the labs the caller decides on (staff: every lab; a coordinator: her labs).</summary>
    Managed = 1,

    /// <summary>The caller's organisation's own requests.</summary>
    Own = 2,
}

/// <summary>
/// Membership requests, newest first, filtered by status (default: waiting for a decision) and scope. Staff see every
/// request; others the requests to the labs they coordinate and their own organisation's.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListMembershipRequests(
    MembershipRequestStatus? Status = MembershipRequestStatus.Pending, RequestScope Scope = RequestScope.All, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IRequest<PagedResult<MembershipRequestItem>>;

/// <summary>One request in the list; decisions are taken on the lab's page.</summary>
internal sealed record MembershipRequestItem(
    Guid Id, Guid LabId, string LabTitle, Guid OrganizationId, string OrganizationName, MembershipRequestStatus Status, DateTimeOffset RequestedAt);

internal sealed class ListMembershipRequestsHandler(LabsDbContext db, ICurrentUser user, LabPermissions permissions)
    : IRequestHandler<ListMembershipRequests, PagedResult<MembershipRequestItem>>
{
    public Task<PagedResult<MembershipRequestItem>> Handle(ListMembershipRequests request, CancellationToken cancellationToken)
    {
        var person = user.PersonId ?? Guid.Empty;
        var organization = user.OrganizationId ?? Guid.Empty;
        var staff = permissions.IsStaff;
        var coordinated = db.Coordinators.Where(c => c.PersonId == person).Select(c => c.LabId);
        var query = db.MembershipRequests.AsNoTracking();
        query = request.Scope switch
        {
            RequestScope.Managed => query.Where(r => staff || coordinated.Contains(r.LabId)),
            RequestScope.Own => query.Where(r => r.OrganizationId == organization),
            _ => query.Where(r => staff || coordinated.Contains(r.LabId) || r.OrganizationId == organization),
        };
        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        return query.OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id)
            .Select(r => new MembershipRequestItem(
                r.Id, r.LabId, db.Labs.Where(l => l.Id == r.LabId).Select(l => l.Title).First(),
                r.OrganizationId, db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? "—",
                r.Status, r.RequestedAt))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
