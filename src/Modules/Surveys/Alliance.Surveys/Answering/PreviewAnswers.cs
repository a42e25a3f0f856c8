using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using FluentValidation;
using MediatR;

namespace Alliance.Surveys.Answering;

/// <summary>The questionnaire as respondents will see it, for staff (any status; nothing is stored).</summary>
[AllowedFor(Who.Staff)]
internal sealed record GetPreviewForm(Guid SurveyId) : IRequest<AnswerForm>;

internal sealed class GetPreviewFormHandler(SurveysDbContext db, SurveyPermissions permissions) : IRequestHandler<GetPreviewForm, AnswerForm>
{
    public async Task<AnswerForm> Handle(GetPreviewForm request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        var definition = await SurveyDefinition.LoadAsync(db, survey, cancellationToken);
        return new AnswerForm(survey.Id, AnswerState.Open, survey.TitleDe, survey.TitleEn, survey.IntroDe, survey.IntroEn, survey.OpensOn, survey.ClosesOn,
            survey.Anonymous, definition.ToViews(), []);
    }
}

/// <summary>Checks answers in the preview exactly as a submission (or a save) would, and stores nothing.</summary>
[AllowedFor(Who.Staff)]
internal sealed record CheckPreviewAnswers(Guid SurveyId, IReadOnlyList<AnswerInput> Answers, bool Submitting) : IRequest<Unit>;

internal sealed class CheckPreviewAnswersValidator : AbstractValidator<CheckPreviewAnswers>
{
    public CheckPreviewAnswersValidator() => RuleFor(d => d.Answers).NotNull().MaxItems(RequestCaps.QuestionsPerSurvey);
}

internal sealed class CheckPreviewAnswersHandler(SurveysDbContext db, SurveyPermissions permissions, AnswerRules rules) : IRequestHandler<CheckPreviewAnswers, Unit>
{
    public async Task<Unit> Handle(CheckPreviewAnswers request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        rules.Check(await SurveyDefinition.LoadAsync(db, survey, cancellationToken), request.Answers, request.Submitting);
        return Unit.Value;
    }
}

/// <summary>Which questions are shown, from the questionnaire as pages have it.</summary>
internal static class Visibility
{
    /// <summary>A conditional question is shown when its (shown) source's answer includes the option; in order, one pass.</summary>
    public static HashSet<Guid> Of(IEnumerable<QuestionView> questions, IReadOnlyDictionary<Guid, AnswerInput> answers)
    {
        var visible = new HashSet<Guid>();
        foreach (var q in questions)
        {
            if (q.ShowIfQuestionId is not { } source || q.ShowIfOptionId is not { } option
                || (visible.Contains(source) && answers.TryGetValue(source, out var answer) && answer.OptionIds is { } chosen && chosen.Contains(option)))
            {
                visible.Add(q.Id);
            }
        }

        return visible;
    }
}
