using Alliance.Funding.Domain;
using Alliance.Funding.Persistence;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Persistence;
using MediatR;

namespace Alliance.Funding.Calls;

/// <summary>The calls radar: open calls by deadline, soonest first; with <paramref name="Past"/> the closed ones, latest first.</summary>
[AllowedFor(Who.Staff)]
internal sealed record ListCalls(bool Past = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<CallRow>>;

/// <summary>A call in the radar with the days left until its deadline and how many applications it has.</summary>
internal sealed record CallRow(Guid Id, string Funder, string Programme, string Title, string? Link, DateOnly SubmissionDeadline,
    decimal FundingRate, decimal? MaxAmount, int DaysLeft, int Applications);

internal sealed class ListCallsHandler(FundingDbContext db, TimeProvider clock) : IRequestHandler<ListCalls, PagedResult<CallRow>>
{
    public async Task<PagedResult<CallRow>> Handle(ListCalls request, CancellationToken cancellationToken)
    {
        var today = AllianceTime.Today(clock);
        var calls = request.Past
            ? db.Calls.Where(c => c.SubmissionDeadline < today).OrderByDescending(c => c.SubmissionDeadline)
            : db.Calls.Where(c => c.SubmissionDeadline >= today).OrderBy(c => c.SubmissionDeadline);
        var page = await calls.ThenBy(c => c.Title).ThenBy(c => c.Id)
            .Select(c => new CallRow(c.Id, c.Funder, c.Programme, c.Title, c.Link, c.SubmissionDeadline, c.FundingRate, c.MaxAmount,
                0, db.Applications.Count(a => a.CallId == c.Id)))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
        return page with { Items = page.Items.Select(c => c with { DaysLeft = c.SubmissionDeadline.DayNumber - today.DayNumber }).ToList() };
    }
}
