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
/// The organisation picker's typeahead: active member organisations whose name contains every word of <see cref="Q"/>
/// (<see cref="PickerSearch.WhereEveryWord{T}"/>, over <c>IX_organizations_Name_Trigram</c>), at most
/// <see cref="PickerLimits.Results"/> a page, with the district as a hint.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SearchOrganizations(string? Q, int Page = 1, int PageSize = PickerLimits.Results) : IRequest<PagedResult<PickerChoice>>;

internal sealed class SearchOrganizationsValidator : AbstractValidator<SearchOrganizations>
{
    public SearchOrganizationsValidator(IStringLocalizer<SharedText> text) => RuleFor(r => r.Q).SearchTerm(text);
}

internal sealed class SearchOrganizationsHandler(MembersDbContext db)
    : IRequestHandler<SearchOrganizations, PagedResult<PickerChoice>>
{
    public Task<PagedResult<PickerChoice>> Handle(SearchOrganizations request, CancellationToken cancellationToken)
    {
        return db.Organizations.AsNoTracking()
            .Where(o => o.IsActive)
            .WhereEveryWord(request.Q!, pattern => o => EF.Functions.ILike(o.Name, pattern, "\\"))
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new PickerChoice(o.Id, o.Name, o.District))
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
    }
}
