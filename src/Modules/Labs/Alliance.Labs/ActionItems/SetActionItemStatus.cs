using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.ActionItems;

/// <summary>Marks an item done or dropped (or reopens it): its owner, the lab's coordinator, or staff.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SetActionItemStatus(Guid ActionItemId, ActionItemStatus Status) : IRequest<Unit>;

internal sealed class SetActionItemStatusValidator : AbstractValidator<SetActionItemStatus>
{
    public SetActionItemStatusValidator(IStringLocalizer<LabsText> text) =>
        RuleFor(c => c.Status).IsInEnum().WithMessage(_ => text["Validation_Invalid"]);
}

internal sealed class SetActionItemStatusHandler(LabsDbContext db, LabPermissions permissions, TimeProvider clock) : IRequestHandler<SetActionItemStatus, Unit>
{
    public async Task<Unit> Handle(SetActionItemStatus request, CancellationToken cancellationToken)
    {
        var item = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == request.ActionItemId, cancellationToken)
            ?? throw NotFoundException.For("Action item", request.ActionItemId);
        LabPermissions.Require(await permissions.CanChangeStatusAsync(item, cancellationToken));

        item.Status = request.Status;
        item.UpdatedAt = clock.GetUtcNow();
        return Unit.Value;
    }
}
