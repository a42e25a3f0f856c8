using Alliance.Surveys.Contracts;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Alliance.Surveys.Integration;

/// <summary>
/// Survey figures for the funding report: published or closed surveys whose answering period overlaps the period,
/// invited and responded counted in SQL, and the yes/no questions' share of "yes" as headline results — only for
/// surveys with at least the minimum group size of responses, as the results themselves (a smaller total is hidden).
/// </summary>
internal sealed class GetSurveyStatisticsHandler(SurveysDbContext db, IOptions<ResultsOptions> options) : IRequestHandler<GetSurveyStatistics, SurveyStatistics>
{
    private const int Headlines = 3;

    public async Task<SurveyStatistics> Handle(GetSurveyStatistics request, CancellationToken cancellationToken)
    {
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.Status != SurveyStatus.Draft && s.OpensOn <= request.To && s.ClosesOn >= request.From)
            .OrderBy(s => s.OpensOn).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.TitleDe, s.TitleEn, s.Wave, s.OpensOn, s.ClosesOn, s.MinGroupSize,
                Invited = db.Invitations.Count(i => i.SurveyId == s.Id),
                Responded = db.Responses.Count(r => r.SurveyId == s.Id),
            })
            .ToListAsync(cancellationToken);
        var ids = surveys.Select(s => s.Id).ToList();

        // Yes/no questions with their "yes" option (position 1) and how many responses chose yes or no.
        var yesNo = await (
            from q in db.Questions
            join sec in db.Sections on q.SectionId equals sec.Id
            where ids.Contains(q.SurveyId) && q.Kind == QuestionKind.YesNo
            orderby sec.Position, q.Position
            select new
            {
                q.SurveyId, q.TextDe, q.TextEn,
                Yes = db.Options.Where(o => o.QuestionId == q.Id && o.Position == 1).Select(o => new { o.Id, o.LabelDe, o.LabelEn }).FirstOrDefault(),
                Answered = db.Answers.Where(a => a.QuestionId == q.Id && a.OptionId != null).Select(a => a.ResponseId).Distinct().Count(),
                YesCount = db.Answers.Count(a => a.QuestionId == q.Id && db.Options.Any(o => o.Id == a.OptionId && o.Position == 1)),
            }).ToListAsync(cancellationToken);

        var figures = surveys.Select(s => new SurveyFigures(s.Id, s.TitleDe, s.TitleEn, s.Wave, s.OpensOn, s.ClosesOn, s.Invited, s.Responded,
                Rate(s.Responded, s.Invited),
                yesNo.Where(q => q.SurveyId == s.Id && s.Responded >= Math.Max(options.Value.MinimumGroupSize, s.MinGroupSize) && q.Answered > 0 && q.Yes is not null).Take(Headlines)
                    .Select(q => new HeadlineResult(q.TextDe, q.TextEn, q.Yes!.LabelDe, q.Yes.LabelEn, Math.Round((decimal)q.YesCount / q.Answered, 4), q.Answered))
                    .ToList()))
            .ToList();
        var invited = figures.Sum(f => f.Invited);
        var responded = figures.Sum(f => f.Responded);
        return new SurveyStatistics(figures.Count, invited, responded, Rate(responded, invited), figures);
    }

    private static decimal? Rate(int responded, int invited) => invited == 0 ? null : Math.Round((decimal)responded / invited, 4);
}
