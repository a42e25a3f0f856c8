using System.Text.Json;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Answering;

/// <summary>Whether an invitation can be answered now.</summary>
internal enum AnswerState
{
    Open,
    NotYetOpen,
    Closed,
    Answered,
}

/// <summary>
/// The two ways to an invitation: the personal link's token (no account), or the invitation's id for a signed-in
/// representative of the invited organisation (or the invited person). An unknown token, a token of another survey
/// and someone else's invitation are all "not found", so nothing tells whether a guessed token exists.
/// </summary>
internal sealed class InvitationDoor(SurveysDbContext db, SurveyPermissions permissions, IStringLocalizer<SurveysText> text, TimeProvider clock)
{
    public async Task<(Invitation Invitation, Survey Survey)> OpenAsync(string? token, Guid? invitationId, Guid? surveyId, CancellationToken ct)
    {
        Invitation? invitation = null;
        if (!string.IsNullOrEmpty(token) && token.Length <= 100)
        {
            var hash = InvitationTokens.Hash(token);
            invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        }
        else if (invitationId is { } id && permissions.User.IsAuthenticated)
        {
            invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, ct);
            if (invitation is not null && !permissions.MayAnswer(invitation))
            {
                invitation = null;
            }
        }

        if (invitation is null || (surveyId is { } expected && expected != invitation.SurveyId))
        {
            throw NotFoundException.For("Invitation", invitationId ?? Guid.Empty);
        }

        var survey = await db.Surveys.FirstAsync(s => s.Id == invitation.SurveyId, ct);
        return (invitation, survey);
    }

    /// <summary>Open, not yet open, closed, or already answered.</summary>
    public AnswerState StateOf(Invitation invitation, Survey survey)
    {
        var today = AllianceTime.Today(clock);
        return invitation.Answered ? AnswerState.Answered
            : survey.Status == SurveyStatus.Closed || (survey.Status == SurveyStatus.Published && today > survey.ClosesOn) ? AnswerState.Closed
            : survey.Status != SurveyStatus.Published || today < survey.OpensOn ? AnswerState.NotYetOpen
            : AnswerState.Open;
    }

    /// <summary>409 with the reason unless the invitation can be answered now.</summary>
    public void RequireOpen(Invitation invitation, Survey survey)
    {
        switch (StateOf(invitation, survey))
        {
            case AnswerState.Answered:
                throw new ConflictException(text["Answer_AlreadySubmitted"]);
            case AnswerState.Closed:
                throw new ConflictException(text["Answer_SurveyClosed"]);
            case AnswerState.NotYetOpen:
                throw new ConflictException(text["Answer_NotYetOpen", survey.OpensOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]);
        }
    }

    /// <summary>The saved answers of an invitation (none when nothing was saved).</summary>
    public async Task<IReadOnlyList<AnswerInput>> DraftAsync(Guid invitationId, CancellationToken ct)
    {
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.InvitationId == invitationId, ct);
        return draft is null ? [] : JsonSerializer.Deserialize<List<AnswerInput>>(draft.Answers, DraftJson.Options) ?? [];
    }
}

/// <summary>How drafts are written as jsonb.</summary>
internal static class DraftJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
