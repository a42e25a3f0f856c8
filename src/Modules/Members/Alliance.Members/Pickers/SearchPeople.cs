using Alliance.Members.People;
using Alliance.Members.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Members.Pickers;

/// <summary>
/// The people picker's typeahead: people whose name contains every word of <see cref="Q"/>
/// in any order ("Brandt Thomas" finds Thomas Brandt), at most
/// <see cref="PickerLimits.Results"/> a page. Only people the caller may see by name (<see cref="MemberPermissions"/>:
/// the office everyone, members their colleagues and those who agreed to show their name); names only, no e-mail.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SearchPeople(string? Q, int Page = 1, int PageSize = PickerLimits.Results) : IRequest<PagedResult<PickerChoice>>;

internal sealed class SearchPeopleValidator : AbstractValidator<SearchPeople>
{
    public SearchPeopleValidator(IStringLocalizer<SharedText> text) => RuleFor(r => r.Q).SearchTerm(text);
}

internal sealed class SearchPeopleHandler(MembersDbContext db, MemberPermissions permissions)
    : IRequestHandler<SearchPeople, PagedResult<PickerChoice>>
{
    public Task<PagedResult<PickerChoice>> Handle(SearchPeople request, CancellationToken cancellationToken)
    {
        // VisiblePeople is the name rule: whoever it lets through, the caller may see by name.
        return db.People.AsNoTracking()
            .Where(permissions.VisiblePeople())
            .Search(request.Q!, includeEmail: false, emailScope: null)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new PickerChoice(p.Id, p.FirstName + " " + p.LastName, p.Organization != null ? p.Organization.Name : null))
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
    }
}
