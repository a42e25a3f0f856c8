using Alliance.Shared.Contracts;
using Alliance.Shared.Persistence;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using MediatR;

namespace Alliance.Surveys.SurveysCore;

/// <summary>Surveys for staff, newest first, optionally of one status (paged).</summary>
[AllowedFor(Who.Staff)]
internal sealed record ListSurveys(SurveyStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<SurveyListItem>>;

/// <summary>A row of the survey list with its response figures.</summary>
internal sealed record SurveyListItem(
    Guid Id,
    string TitleDe,
    string TitleEn,
    int Wave,
    SurveyStatus Status,
    bool Anonymous,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int Invited,
    int Answered)
{
    public string Title(bool english) => english ? TitleEn : TitleDe;

    public decimal? ResponseRate => Invited == 0 ? null : (decimal)Answered / Invited;
}

internal sealed class ListSurveysHandler(SurveysDbContext db) : IRequestHandler<ListSurveys, PagedResult<SurveyListItem>>
{
    public Task<PagedResult<SurveyListItem>> Handle(ListSurveys request, CancellationToken cancellationToken)
    {
        var query = db.Surveys.AsQueryable();
        if (request.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        return query
            .OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new SurveyListItem(s.Id, s.TitleDe, s.TitleEn, s.Wave, s.Status, s.Anonymous, s.OpensOn, s.ClosesOn,
                db.Invitations.Count(i => i.SurveyId == s.Id), db.Invitations.Count(i => i.SurveyId == s.Id && i.Answered)))
            .ToPagedResultAsync(request.Page, request.PageSize, cancellationToken);
    }
}
