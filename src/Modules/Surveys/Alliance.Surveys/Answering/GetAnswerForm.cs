using Alliance.Shared.Contracts;
using Alliance.Surveys.Common;
using Alliance.Surveys.Persistence;
using MediatR;

namespace Alliance.Surveys.Answering;

/// <summary>
/// The questionnaire of a personal link (<paramref name="Token"/>, anyone) or of an invitation of the signed-in
/// representative (<paramref name="InvitationId"/>), with the saved answers and whether it can be answered now.
/// <paramref name="SurveyId"/>, when given, must be the invitation's survey.
/// </summary>
[AllowedFor(Who.Anyone)]
internal sealed record GetAnswerForm(string? Token = null, Guid? InvitationId = null, Guid? SurveyId = null) : IRequest<AnswerForm>;

/// <summary>What a respondent sees.</summary>
internal sealed record AnswerForm(
    Guid SurveyId,
    AnswerState State,
    string TitleDe,
    string TitleEn,
    string? IntroDe,
    string? IntroEn,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    bool Anonymous,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<AnswerInput> Answers)
{
    public string Title(bool english) => english ? TitleEn : TitleDe;

    public string? Intro(bool english) => english ? IntroEn : IntroDe;
}

internal sealed class GetAnswerFormHandler(SurveysDbContext db, InvitationDoor door, PublishedQuestionnaires questionnaires) : IRequestHandler<GetAnswerForm, AnswerForm>
{
    public async Task<AnswerForm> Handle(GetAnswerForm request, CancellationToken cancellationToken)
    {
        var (invitation, survey) = await door.OpenAsync(request.Token, request.InvitationId, request.SurveyId, cancellationToken);
        var definition = await questionnaires.LoadAsync(db, survey, cancellationToken);
        var state = door.StateOf(invitation, survey);
        var answers = state == AnswerState.Open ? await door.DraftAsync(invitation.Id, cancellationToken) : [];
        return new AnswerForm(survey.Id, state, survey.TitleDe, survey.TitleEn, survey.IntroDe, survey.IntroEn, survey.OpensOn, survey.ClosesOn,
            survey.Anonymous, definition.ToViews(), answers);
    }
}
