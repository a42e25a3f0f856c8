using Alliance.Labs.ActionItems;
using Alliance.Labs.Common;
using Alliance.Labs.Persistence;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Labs.Pickers;

/// <summary>
/// The owner picker of a lab's "new action item" form (<see cref="PickerSources.LabActionItemOwners"/>): contacts of the
/// lab's current member organisations (<see cref="ActionItemOwner.CandidatesAsync"/>) whose name contains every word of <see cref="Q"/>
/// and whose name the user may read (<see cref="LabPermissions.MaySeeName"/>), ordered by last and first name, at most
/// <see cref="PickerLimits.Results"/> a page, with the organisation as hint. Only for the lab's managers (staff or its
/// coordinators: they add action items), else 403; an unknown lab is 404.
/// </summary>
[AllowedFor(Who.SignedIn)]
internal sealed record SearchActionItemOwners(Guid LabId, string? Q, int Page = 1, int PageSize = PickerLimits.Results) : IRequest<PagedResult<PickerChoice>>;

internal sealed class SearchActionItemOwnersValidator : AbstractValidator<SearchActionItemOwners>
{
    public SearchActionItemOwnersValidator(IStringLocalizer<SharedText> text) => RuleFor(r => r.Q).SearchTerm(text);
}

internal sealed class SearchActionItemOwnersHandler(LabsDbContext db, LabPermissions permissions, IMediator mediator)
    : IRequestHandler<SearchActionItemOwners, PagedResult<PickerChoice>>
{
    public async Task<PagedResult<PickerChoice>> Handle(SearchActionItemOwners request, CancellationToken cancellationToken)
    {
        if (!await db.Labs.AnyAsync(l => l.Id == request.LabId, cancellationToken))
        {
            throw NotFoundException.For("Lab", request.LabId);
        }

        await permissions.RequireManagerAsync(request.LabId, cancellationToken);
        var found = await ActionItemOwner.CandidatesAsync(db, mediator, request.LabId, request.Q, null, permissions.NameReader(),
            request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
        return new PagedResult<PickerChoice>(
            [.. found.Items.Select(p => new PickerChoice(p.Id, p.DisplayName, p.Organization))], found.Page, found.PageSize, found.TotalCount);
    }
}
