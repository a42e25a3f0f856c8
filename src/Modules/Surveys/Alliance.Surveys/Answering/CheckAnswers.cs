using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using FluentValidation;
using MediatR;

namespace Alliance.Surveys.Answering;

/// <summary>
/// Checks a respondent's answers as a submission (or a save) would, and stores nothing: the answer form sends it when
/// some fields could not even be read (a number that is not one), so that the errors of the other questions — a
/// required one left empty, a value out of range — appear in the same round instead of after the next click.
/// </summary>
[AllowedFor(Who.Anyone)]
internal sealed record CheckAnswers(IReadOnlyList<AnswerInput> Answers, bool Submitting, string? Token = null, Guid? InvitationId = null) : IRequest<Unit>;

internal sealed class CheckAnswersValidator : AbstractValidator<CheckAnswers>
{
    public CheckAnswersValidator() => RuleFor(d => d.Answers).NotNull().MaxItems(RequestCaps.QuestionsPerSurvey);
}

internal sealed class CheckAnswersHandler(SurveysDbContext db, InvitationDoor door, AnswerRules rules, PublishedQuestionnaires questionnaires)
    : IRequestHandler<CheckAnswers, Unit>
{
    public async Task<Unit> Handle(CheckAnswers request, CancellationToken cancellationToken)
    {
        var (invitation, survey) = await door.OpenAsync(request.Token, request.InvitationId, null, cancellationToken);
        door.RequireOpen(invitation, survey);
        rules.Check(await questionnaires.LoadAsync(db, survey, cancellationToken), request.Answers, request.Submitting);
        return Unit.Value;
    }
}
