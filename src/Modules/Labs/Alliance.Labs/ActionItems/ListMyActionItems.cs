using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using Alliance.Shared.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.ActionItems;

/// <summary>
/// "My action items": those owned by me or by my organisation; open ones first by due date. <see cref="OverdueOnly"/>
/// keeps the open ones past their due date; <see cref="Everyone"/> lists every owner's (the office only — the
/// dashboard's "overdue" link).
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record ListMyActionItems(bool IncludeClosed = false, int Page = 1, int PageSize = Paging.DefaultPageSize, bool OverdueOnly = false, bool Everyone = false)
    : IRequest<PagedResult<MyActionItem>>;

internal sealed record MyActionItem(
    Guid Id, string Title, Guid? LabId, string? LabTitle, DateOnly? DueDate, ActionItemStatus Status, ActionItemSource Source,
    string? MeetingTitle, string? SourceLink, bool OwnedByMe);

internal sealed class ListMyActionItemsHandler(LabsDbContext db, ICurrentUser user, LabPermissions permissions, TimeProvider clock) : IRequestHandler<ListMyActionItems, PagedResult<MyActionItem>>
{
    public Task<PagedResult<MyActionItem>> Handle(ListMyActionItems request, CancellationToken cancellationToken)
    {
        var person = user.PersonId;
        var organization = user.OrganizationId;
        var everyone = request.Everyone && permissions.IsStaff;
        var query = db.ActionItems.AsNoTracking()
            .Where(a => everyone || (person != null && a.OwnerPersonId == person) || (organization != null && a.OwnerOrganizationId == organization));
        if (request.OverdueOnly)
        {
            var today = AllianceTime.Today(clock);
            query = query.Where(a => a.Status == ActionItemStatus.Open && a.DueDate < today);
        }

        if (!request.IncludeClosed)
        {
            query = query.Where(a => a.Status == ActionItemStatus.Open);
        }

        return query.OrderBy(a => a.Status).ThenBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new MyActionItem(
                a.Id, a.Title, a.LabId, db.Labs.Where(l => l.Id == a.LabId).Select(l => l.Title).FirstOrDefault(), a.DueDate, a.Status, a.Source,
                a.MeetingTitle, a.SourceLink, a.OwnerPersonId == person))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
