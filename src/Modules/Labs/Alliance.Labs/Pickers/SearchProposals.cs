using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
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
/// The proposal picker's typeahead (the proposal another one is merged into): topic proposals whose title contains
/// every word of <see cref="Q"/> that the caller may choose (<see cref="LabPermissions.PickableProposals"/>: not merged), in German
/// order, at most <see cref="PickerLimits.Results"/> a page, with the proposing organisation as hint. Served by the
/// trigram index <c>IX_proposals_Title_Trigram</c>.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SearchProposals(string? Q, int Page = 1, int PageSize = PickerLimits.Results) : IRequest<PagedResult<PickerChoice>>;

internal sealed class SearchProposalsValidator : AbstractValidator<SearchProposals>
{
    public SearchProposalsValidator(IStringLocalizer<SharedText> text) => RuleFor(r => r.Q).SearchTerm(text);
}

internal sealed class SearchProposalsHandler(LabsDbContext db, LabPermissions permissions) : IRequestHandler<SearchProposals, PagedResult<PickerChoice>>
{
    public Task<PagedResult<PickerChoice>> Handle(SearchProposals request, CancellationToken cancellationToken)
    {
        return permissions.PickableProposals().AsNoTracking()
            .WhereEveryWord(request.Q!, pattern => p => EF.Functions.ILike(p.Title, pattern, "\\"))
            .OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new PickerChoice(p.Id, p.Title, db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).FirstOrDefault()))
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
    }
}
