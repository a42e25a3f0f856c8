using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.ActionItems;

/// <summary>Marks an item done or dropped (or reopens it): its owner, the lab's coordinator, or staff.</summary>
internal sealed record SetActionItemStatus(Guid ActionItemId, ActionItemStatus Status) : IRequest<Unit>;

internal sealed class SetActionItemStatusValidator : AbstractValidator<SetActionItemStatus>
{
    public SetActionItemStatusValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
}

internal sealed class SetActionItemStatusHandler(LabsDbContext db, LabAccess access, TimeProvider clock) : IRequestHandler<SetActionItemStatus, Unit>
{
    public async Task<Unit> Handle(SetActionItemStatus request, CancellationToken cancellationToken)
    {
        var item = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == request.ActionItemId, cancellationToken)
            ?? throw NotFoundException.For("Action item", request.ActionItemId);
        var user = access.User;
        var isOwner = (item.OwnerPersonId is not null && item.OwnerPersonId == user.PersonId)
            || (item.OwnerOrganizationId is not null && item.OwnerOrganizationId == user.OrganizationId);
        if (!isOwner && !user.IsStaff && !(item.LabId is { } lab && await access.IsCoordinatorAsync(lab, cancellationToken)))
        {
            throw new ForbiddenException();
        }

        item.Status = request.Status;
        item.UpdatedAt = clock.GetUtcNow();
        return Unit.Value;
    }
}
