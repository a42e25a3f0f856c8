using Alliance.Shared.Input;
using Alliance.Labs.Common;
using Alliance.Labs.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Labs.Domain;
using Alliance.Labs.Persistence;
using Alliance.Labs.Resources;
using Alliance.Members.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Alliance.Shared.Contracts;

namespace Alliance.Labs.ActionItems;

/// <summary>
/// The coordinator or staff add an action item to a lab: owner person and/or organisation, due date not in the past.
/// The owner person must be a contact of one of the lab's current member organisations (<see cref="ActionItemOwner.CandidatesAsync"/>),
/// else 400 at <see cref="OwnerPersonId"/>; the owner organisation must be a current member organisation of the lab, else
/// 400 at <see cref="OwnerOrganizationId"/>.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record CreateActionItem(Guid LabId, string Title, Guid? OwnerPersonId, Guid? OwnerOrganizationId, DateOnly? DueDate) : IRequest<Guid>;

internal sealed class CreateActionItemValidator : AbstractValidator<CreateActionItem>
{
    public CreateActionItemValidator(IStringLocalizer<LabsText> text, TimeProvider clock)
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => text["Validation_Required"]).MaximumLength(TextLimits.ActionItemTitle).WithMessage(_ => text["Validation_TooLong"]);
        RuleFor(c => c.OwnerPersonId).NotEmpty().When(c => c.OwnerOrganizationId is null).WithMessage(_ => text["ActionItem_OwnerRequired"]);
        RuleFor(c => c.DueDate).DueTodayOrLater(clock).PlausibleDate(text);
    }
}

internal sealed class CreateActionItemHandler(
    LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, IMediator mediator, IStringLocalizer<LabsText> text, TimeProvider clock)
    : IRequestHandler<CreateActionItem, Guid>
{
    public async Task<Guid> Handle(CreateActionItem request, CancellationToken cancellationToken)
    {
        var lab = await permissions.LabAsync(request.LabId, cancellationToken);
        await permissions.RequireManagerAsync(lab.Id, cancellationToken);
        permissions.RequireOpen(lab);
        // The owner person is one the picker could offer: a contact of a current member organisation (any name visibility).
        if (request.OwnerPersonId is { } person
            && (await ActionItemOwner.CandidatesAsync(db, mediator, lab.Id, null, [person], null, 1, 1, cancellationToken)).TotalCount == 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateActionItem.OwnerPersonId), text["ActionItem_OwnerPersonNotInLab"])]);
        }

        // The owner organisation is one the form offers: a current member of the lab.
        if (request.OwnerOrganizationId is { } organization)
        {
            if (!await db.Memberships.AnyAsync(m => m.LabId == lab.Id && m.OrganizationId == organization && m.LeftAt == null, cancellationToken))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateActionItem.OwnerOrganizationId), text["ActionItem_OwnerOrganizationNotInLab"])]);
            }

            await organizations.EnsureAsync([organization], cancellationToken);
            if (!organizations.IsKnown(organization))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(CreateActionItem.OwnerOrganizationId), text["Validation_Invalid"])]);
            }
        }

        var now = clock.GetUtcNow();
        var item = new ActionItem
        {
            Id = Guid.NewGuid(), LabId = lab.Id, Title = request.Title.Trim(), OwnerPersonId = request.OwnerPersonId, OwnerOrganizationId = request.OwnerOrganizationId,
            DueDate = request.DueDate, Status = ActionItemStatus.Open, Source = ActionItemSource.Lab, CreatedByPersonId = permissions.User.PersonId,
            CreatedAt = now, UpdatedAt = now,
        };
        db.ActionItems.Add(item);
        db.AddIntegrationEvent(new ActionItemAssigned(item.Id, item.Title, item.OwnerPersonId, item.OwnerOrganizationId, item.DueDate), now);
        return item.Id;
    }
}
