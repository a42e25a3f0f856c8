using Alliance.Labs.Common;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Labs.Persistence;
using Alliance.Members.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Pickers;

/// <summary>
/// The names of the people already chosen as owner on a lab's "new action item" form, for the owner picker: anyone
/// not erased whose name the user may read (<see cref="LabPermissions.MaySeeName"/>), also one who is no contact of a
/// member organisation (any more), so the choice stays shown next to <c>CreateActionItem</c>'s refusal instead of
/// disappearing. The organisation as hint. Only for the lab's managers, else 403; an unknown lab is 404.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetPickedActionItemOwners(Guid LabId, IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<PickerChoice>>;

internal sealed class GetPickedActionItemOwnersValidator : AbstractValidator<GetPickedActionItemOwners>
{
    public GetPickedActionItemOwnersValidator() => RuleFor(r => r.Ids).Must(ids => ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetPickedActionItemOwnersHandler(LabsDbContext db, LabPermissions permissions, OrganizationCopies organizations, IMediator mediator)
    : IRequestHandler<GetPickedActionItemOwners, IReadOnlyList<PickerChoice>>
{
    public async Task<IReadOnlyList<PickerChoice>> Handle(GetPickedActionItemOwners request, CancellationToken cancellationToken)
    {
        if (!await db.Labs.AnyAsync(l => l.Id == request.LabId, cancellationToken))
        {
            throw NotFoundException.For("Lab", request.LabId);
        }

        await permissions.RequireManagerAsync(request.LabId, cancellationToken);
        if (request.Ids.Count == 0)
        {
            return [];
        }

        var people = (await mediator.Send(new GetPeopleByIds(request.Ids), cancellationToken))
            .Where(p => !p.IsErased && permissions.MaySeeName(p)).ToList();
        var names = await organizations.NamesAsync(people.Select(p => p.OrganizationId).OfType<Guid>(), cancellationToken);
        return
        [
            .. people.OrderBy(p => p.DisplayName, GermanOrder.Comparer).ThenBy(p => p.Id)
                .Select(p => new PickerChoice(p.Id, p.DisplayName, p.OrganizationId is { } org ? names.GetValueOrDefault(org) : null)),
        ];
    }
}
