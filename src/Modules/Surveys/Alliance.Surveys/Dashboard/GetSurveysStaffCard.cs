using Alliance.Shared.Contracts;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Dashboard;

/// <summary>The office's card: running surveys with their response rates, closing soonest first.</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetSurveysStaffCard : IRequest<IReadOnlyList<RunningSurvey>>;

/// <summary>A running survey with invited and answered counts.</summary>
internal sealed record RunningSurvey(Guid Id, string TitleDe, string TitleEn, DateOnly ClosesOn, int Invited, int Answered)
{
    public string Title(bool english) => english ? TitleEn : TitleDe;

    public double Rate => Invited == 0 ? 0 : (double)Answered / Invited;
}

internal sealed class GetSurveysStaffCardHandler(SurveysDbContext db) : IRequestHandler<GetSurveysStaffCard, IReadOnlyList<RunningSurvey>>
{
    /// <summary>The card shows at most this many surveys.</summary>
    public const int Shown = 5;

    public async Task<IReadOnlyList<RunningSurvey>> Handle(GetSurveysStaffCard request, CancellationToken cancellationToken) =>
        await db.Surveys.Where(s => s.Status == SurveyStatus.Published)
            .OrderBy(s => s.ClosesOn).ThenBy(s => s.Id)
            .Select(s => new RunningSurvey(s.Id, s.TitleDe, s.TitleEn, s.ClosesOn,
                db.Invitations.Count(i => i.SurveyId == s.Id), db.Invitations.Count(i => i.SurveyId == s.Id && i.Answered)))
            .Take(Shown)
            .ToListAsync(cancellationToken);
}
