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
/// The offer picker's typeahead (a need's match form): open offers whose title contains every word of <see cref="Q"/>, in German
/// order, at most <see cref="PickerLimits.Results"/> a page, with the offering organisation as hint. Served by the
/// trigram index <c>IX_offers_Title_Trigram</c>. Offers of the need's own organisation are listed too and refused by
/// <see cref="Matching.MatchNeed"/> with a reason: the picker's source does not know the need.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SearchOffers(string? Q, int Page = 1, int PageSize = PickerLimits.Results) : IRequest<PagedResult<PickerChoice>>;

internal sealed class SearchOffersValidator : AbstractValidator<SearchOffers>
{
    public SearchOffersValidator(IStringLocalizer<SharedText> text) => RuleFor(r => r.Q).SearchTerm(text);
}

internal sealed class SearchOffersHandler(LabsDbContext db) : IRequestHandler<SearchOffers, PagedResult<PickerChoice>>
{
    public Task<PagedResult<PickerChoice>> Handle(SearchOffers request, CancellationToken cancellationToken)
    {
        return db.Offers.AsNoTracking()
            .Where(o => !o.IsClosed)
            .WhereEveryWord(request.Q!, pattern => o => EF.Functions.ILike(o.Title, pattern, "\\"))
            .OrderBy(o => o.Title).ThenBy(o => o.Id)
            .Select(o => new PickerChoice(o.Id, o.Title, db.Organizations.Where(x => x.Id == o.OrganizationId).Select(x => x.Name).FirstOrDefault()))
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
    }
}
