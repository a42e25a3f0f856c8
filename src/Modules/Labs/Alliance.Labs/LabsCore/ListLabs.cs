using Alliance.Labs.Contracts;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.LabsCore;

/// <summary>The labs of the alliance, filterable by action field, status and kind; member counts from SQL.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListLabs(
    Guid? ActionFieldId = null,
    LabStatus? Status = null,
    LabKind? Kind = null,
    bool MineOnly = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<LabListItem>>;

internal sealed record LabListItem(Guid Id, string Title, string ActionField, LabKind Kind, LabStatus Status, DateOnly? StartsOn, int Members);

internal sealed class ListLabsHandler(LabsDbContext db, Alliance.Shared.Security.ICurrentUser user) : IRequestHandler<ListLabs, PagedResult<LabListItem>>
{
    public Task<PagedResult<LabListItem>> Handle(ListLabs request, CancellationToken cancellationToken)
    {
        var query = db.Labs.AsNoTracking();
        if (request.ActionFieldId is { } field)
        {
            query = query.Where(l => l.ActionFieldId == field);
        }

        if (request.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        if (request.Kind is { } kind)
        {
            query = query.Where(l => l.Kind == kind);
        }

        if (request.MineOnly)
        {
            var organization = user.OrganizationId;
            var person = user.PersonId;
            query = query.Where(l => db.Memberships.Any(m => m.LabId == l.Id && m.LeftAt == null && m.OrganizationId == organization)
                || l.Coordinators.Any(c => c.PersonId == person));
        }

        return query.OrderBy(l => l.Status == LabStatus.Concluded).ThenBy(l => l.Title)
            .Select(l => new LabListItem(l.Id, l.Title, l.ActionField!.Title, l.Kind, l.Status, l.StartsOn,
                db.Memberships.Count(m => m.LabId == l.Id && m.LeftAt == null)))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
