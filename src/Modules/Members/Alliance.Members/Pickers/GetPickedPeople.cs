using Alliance.Members.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Pickers;

/// <summary>The names of the people already chosen on a form (those the caller may see), for the people picker.</summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetPickedPeople(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<PickerChoice>>;

internal sealed class GetPickedPeopleValidator : AbstractValidator<GetPickedPeople>
{
    public GetPickedPeopleValidator() => RuleFor(r => r.Ids).Must(ids => ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetPickedPeopleHandler(MembersDbContext db, MemberPermissions permissions)
    : IRequestHandler<GetPickedPeople, IReadOnlyList<PickerChoice>>
{
    public async Task<IReadOnlyList<PickerChoice>> Handle(GetPickedPeople request, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking()
            .Where(permissions.VisiblePeople())
            .Where(p => request.Ids.Contains(p.Id))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new PickerChoice(p.Id, p.FirstName + " " + p.LastName, p.Organization != null ? p.Organization.Name : null))
            .ToListAsync(cancellationToken);
}
