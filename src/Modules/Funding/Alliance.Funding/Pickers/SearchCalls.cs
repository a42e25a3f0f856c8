using Alliance.Funding.Common;
using Alliance.Shared.Components;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Funding.Pickers;

/// <summary>
/// The call picker's typeahead (the call a new application answers): open calls (<see cref="FundingPermissions.PickableCalls"/>:
/// submission deadline today or later) each of whose words of <see cref="Q"/> is in the title, funder or programme, soonest deadline first
/// as on the calls radar, at most <see cref="PickerLimits.Results"/> a page, with funder and deadline as hint. The
/// deadline index <c>IX_calls_SubmissionDeadline</c> limits the rows read to the open calls.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record SearchCalls(string? Q, int Page = 1, int PageSize = PickerLimits.Results) : IRequest<PagedResult<PickerChoice>>;

internal sealed class SearchCallsValidator : AbstractValidator<SearchCalls>
{
    public SearchCallsValidator(IStringLocalizer<SharedText> text) => RuleFor(r => r.Q).SearchTerm(text);
}

internal sealed class SearchCallsHandler(FundingPermissions permissions, TimeProvider clock) : IRequestHandler<SearchCalls, PagedResult<PickerChoice>>
{
    public async Task<PagedResult<PickerChoice>> Handle(SearchCalls request, CancellationToken cancellationToken)
    {
        var page = await permissions.PickableCalls(AllianceTime.Today(clock)).AsNoTracking()
            .WhereEveryWord(request.Q!, pattern => c => EF.Functions.ILike(c.Title, pattern, "\\") || EF.Functions.ILike(c.Funder, pattern, "\\") || EF.Functions.ILike(c.Programme, pattern, "\\"))
            .OrderBy(c => c.SubmissionDeadline).ThenBy(c => c.Title).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Funder, c.SubmissionDeadline })
            .ToPagedResultAsync(request.Page, Math.Clamp(request.PageSize, 1, PickerLimits.Results), cancellationToken);
        return new PagedResult<PickerChoice>([.. page.Items.Select(c => CallChoices.Of(c.Id, c.Title, c.Funder, c.SubmissionDeadline))],
            page.Page, page.PageSize, page.TotalCount);
    }
}

/// <summary>How a call reads in the picker: its title, with funder and deadline (in the page's language) as hint.</summary>
internal static class CallChoices
{
    public static PickerChoice Of(Guid id, string title, string funder, DateOnly deadline) =>
        new(id, title, $"{funder} · {deadline.ToString("d", System.Globalization.CultureInfo.CurrentCulture)}");
}
