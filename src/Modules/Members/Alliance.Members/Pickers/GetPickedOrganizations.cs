using Alliance.Members.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Pickers;

/// <summary>
/// The names of the organisations already chosen on a form, for the organisation picker: active ones, and a former
/// member for the office (a person's former organisation stays shown on her edit form).
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record GetPickedOrganizations(IReadOnlyList<Guid> Ids) : IRequest<IReadOnlyList<PickerChoice>>;

internal sealed class GetPickedOrganizationsValidator : AbstractValidator<GetPickedOrganizations>
{
    public GetPickedOrganizationsValidator() => RuleFor(r => r.Ids).Must(ids => ids.Count <= PickerLimits.Chosen);
}

internal sealed class GetPickedOrganizationsHandler(MembersDbContext db, MemberPermissions permissions)
    : IRequestHandler<GetPickedOrganizations, IReadOnlyList<PickerChoice>>
{
    public async Task<IReadOnlyList<PickerChoice>> Handle(GetPickedOrganizations request, CancellationToken cancellationToken)
    {
        var inactiveToo = permissions.SeesInactiveOrganizations;
        return await db.Organizations.AsNoTracking()
            .Where(o => request.Ids.Contains(o.Id) && (o.IsActive || inactiveToo))
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new PickerChoice(o.Id, o.Name, o.District))
            .ToListAsync(cancellationToken);
    }
}
