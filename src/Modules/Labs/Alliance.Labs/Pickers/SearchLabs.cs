using Alliance.Labs.Common;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Pickers;

/// <summary>
/// The lab picker's typeahead: labs and programmes whose title contains every word of <see cref="Q"/> that the caller may choose
/// (<see cref="LabPermissions.PickableLabs"/>: not concluded), in German order, at most <see cref="PickerLimits.Results"/>
/// a page, with the action field as hint. Served by the trigram index <c>IX_labs_Title_Trigram</c>.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SearchLabs(string? Q, int Page = 1, int PageSize = PickerLimits.Results) : IRequest<PagedResult<PickerChoice>>;

internal sealed class SearchLabsValidator : AbstractValidator<SearchLabs>
{
    public SearchLabsValidator(IStringLocalizer<SharedText> text) => RuleFor(r => r.Q).SearchTerm(text);
}

internal sealed class SearchLabsHandler(LabPermissions permissions) : IRequestHandler<SearchLabs, PagedResult<PickerChoice>>
{
    public Task<PagedResult<PickerChoice>> Handle(SearchLabs request, CancellationToken cancellationToken)
    {
        return permissions.PickableLabs().AsNoTracking()
            .WhereEveryWord(request.Q!, pattern => l => EF.Functions.ILike(l.Title, pattern, "\\"))
            .OrderBy(l => l.Title).ThenBy(l => l.Id)
            .Select(l => new PickerChoice(l.Id, l.Title, l.ActionField!.Title))
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
    }
}
