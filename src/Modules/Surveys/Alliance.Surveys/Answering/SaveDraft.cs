using System.Text.Json;
using Alliance.Shared.Contracts;
using Alliance.Shared.Input;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Answering;

/// <summary>
/// Saves answers so far (replacing what was saved) to resume later from the same link. Values are checked as on
/// submission, but required questions may still be empty; answers to hidden questions are dropped.
/// </summary>
[AllowedFor(Who.Anyone)]
internal sealed record SaveDraft(IReadOnlyList<AnswerInput> Answers, string? Token = null, Guid? InvitationId = null, Guid? SurveyId = null) : IRequest<Unit>;

internal sealed class SaveDraftValidator : AbstractValidator<SaveDraft>
{
    public SaveDraftValidator() => RuleFor(d => d.Answers).NotNull().MaxItems(RequestCaps.QuestionsPerSurvey);
}

internal sealed class SaveDraftHandler(SurveysDbContext db, InvitationDoor door, AnswerRules rules, TimeProvider clock, PublishedQuestionnaires questionnaires) : IRequestHandler<SaveDraft, Unit>
{
    public async Task<Unit> Handle(SaveDraft request, CancellationToken cancellationToken)
    {
        var (invitation, survey) = await door.OpenAsync(request.Token, request.InvitationId, request.SurveyId, cancellationToken);
        door.RequireOpen(invitation, survey);
        var definition = await questionnaires.LoadAsync(db, survey, cancellationToken);
        var answers = rules.Check(definition, request.Answers, submitting: false);
        var json = JsonSerializer.Serialize(answers, DraftJson.Options);
        var draft = await db.Drafts.FirstOrDefaultAsync(d => d.InvitationId == invitation.Id, cancellationToken);
        if (draft is null)
        {
            db.Drafts.Add(new Draft { InvitationId = invitation.Id, Answers = json, SavedAt = clock.GetUtcNow() });
        }
        else
        {
            draft.Answers = json;
            draft.SavedAt = clock.GetUtcNow();
        }

        return Unit.Value;
    }
}
