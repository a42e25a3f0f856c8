using Alliance.Members.Organizations;
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
/// The organisation picker's typeahead: active member organisations whose name contains <see cref="Q"/>, at most
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
        var pattern = $"%{OrganizationQueries.EscapeLike(request.Q!.Trim())}%";
        return db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && EF.Functions.ILike(o.Name, pattern, "\\"))
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new PickerChoice(o.Id, o.Name, o.District))
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
    }
}
