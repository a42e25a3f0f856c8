using Alliance.Shared.Contracts;
using MediatR;

namespace Alliance.Surveys.Contracts;

/// <summary>
/// Figures of the surveys for a reporting period (funding reports): the surveys whose answering period overlaps
/// <paramref name="From"/>..<paramref name="To"/> (inclusive) and were published.
/// </summary>
[AllowedFor(Who.Internal)]
public sealed record GetSurveyStatistics(DateOnly From, DateOnly To) : IRequest<SurveyStatistics>, IReportingPeriod;

/// <summary>What the funding report shows about surveys.</summary>
public sealed record SurveyStatistics(
    int SurveysRun,
    int Invited,
    int Responded,
    decimal? ResponseRate,
    IReadOnlyList<SurveyFigures> Surveys);

/// <summary>
/// One survey of the period: titles, wave, dates, invited, responded, its rate (0..1, null without invitations) and
/// headline results (the yes/no questions' share of "yes", in questionnaire order, at most three).
/// </summary>
public sealed record SurveyFigures(
    Guid SurveyId,
    string TitleDe,
    string TitleEn,
    int Wave,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    int Invited,
    int Responded,
    decimal? ResponseRate,
    IReadOnlyList<HeadlineResult> Headlines);

/// <summary>A headline: a question, its leading answer and the share of responses that chose it (0..1).</summary>
public sealed record HeadlineResult(string QuestionDe, string QuestionEn, string AnswerDe, string AnswerEn, decimal Share, int Responses);
