using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.ActionItems;

/// <summary>
/// One action item (the Location of <c>CreateActionItem</c>): read by whoever may read it
/// (<see cref="LabPermissions.MayReadActionItem"/>: anyone signed in for a lab's item, else its owners and staff; 403
/// otherwise), 404 for an unknown id. The owner is shown as on the lab page: the person's name only where
/// <see cref="LabPermissions.MaySeeName"/> allows it, else "(Name nicht freigegeben)" (<see cref="PeopleNames"/>).
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetActionItem(Guid ActionItemId) : IRequest<ActionItemView>;

/// <summary>
/// An action item: <see cref="Owner"/> "person · organisation" as the caller may read it; <see cref="IsOverdue"/> open
/// and due before today in the alliance's zone; <see cref="CanChangeStatus"/> the caller may mark it done or dropped.
/// </summary>
internal sealed record ActionItemView(
    Guid Id, string Title, Guid? LabId, string? LabTitle, string Owner, DateOnly? DueDate, bool IsOverdue, ActionItemStatus Status,
    ActionItemSource Source, string? MeetingTitle, string? SourceLink, DateTimeOffset CreatedAt, bool CanChangeStatus, uint Version);

internal sealed class GetActionItemHandler(LabsDbContext db, LabPermissions permissions, PeopleNames people, TimeProvider clock)
    : IRequestHandler<GetActionItem, ActionItemView>
{
    public async Task<ActionItemView> Handle(GetActionItem request, CancellationToken cancellationToken)
    {
        var row = await db.ActionItems.AsNoTracking().Where(a => a.Id == request.ActionItemId)
            .Select(a => new
            {
                Item = a,
                LabTitle = db.Labs.Where(l => l.Id == a.LabId).Select(l => l.Title).FirstOrDefault(),
                Organization = db.Organizations.Where(o => o.Id == a.OwnerOrganizationId).Select(o => o.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("ActionItem", request.ActionItemId);
        var item = row.Item;
        LabPermissions.Require(permissions.MayReadActionItem(item.LabId, item.OwnerPersonId, item.OwnerOrganizationId));

        var names = await people.NamesAsync([item.OwnerPersonId], cancellationToken);
        var person = item.OwnerPersonId is { } id ? names.GetValueOrDefault(id, PeopleNames.Unknown) : null;
        return new ActionItemView(
            item.Id, item.Title, item.LabId, row.LabTitle, ActionItemOwner.Display(person, row.Organization), item.DueDate,
            item.Status == ActionItemStatus.Open && item.DueDate < AllianceTime.Today(clock), item.Status, item.Source, item.MeetingTitle,
            item.SourceLink, item.CreatedAt, await permissions.CanChangeStatusAsync(item, cancellationToken), item.Version);
    }
}
