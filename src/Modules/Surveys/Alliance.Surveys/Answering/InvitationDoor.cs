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
    /// <summary>
    /// The invitation and its survey, read together in one statement and not tracked (nobody changes them through
    /// these copies; a submission marks the invitation answered in SQL). 404 for an unknown token, one of another
    /// survey, or someone else's invitation.
    /// </summary>
    public async Task<(Invitation Invitation, Survey Survey)> OpenAsync(string? token, Guid? invitationId, Guid? surveyId, CancellationToken ct)
    {
        (Invitation Invitation, Survey Survey)? found = null;
        if (!string.IsNullOrEmpty(token) && token.Length <= 100)
        {
            var hash = InvitationTokens.Hash(token);
            found = await WithSurveyAsync(db.Invitations.Where(i => i.TokenHash == hash), ct);
        }
        else if (invitationId is { } id && permissions.User.IsAuthenticated)
        {
            found = await WithSurveyAsync(db.Invitations.Where(i => i.Id == id), ct);
            if (found is { } mine && !permissions.MayAnswer(mine.Invitation))
            {
                found = null;
            }
        }

        if (found is not { } pair || (surveyId is { } expected && expected != pair.Invitation.SurveyId))
        {
            throw NotFoundException.For("Invitation", invitationId ?? Guid.Empty);
        }

        return pair;
    }

    private async Task<(Invitation Invitation, Survey Survey)?> WithSurveyAsync(IQueryable<Invitation> invitations, CancellationToken ct)
    {
        var row = await invitations.AsNoTracking()
            .Join(db.Surveys.AsNoTracking(), i => i.SurveyId, s => s.Id, (i, s) => new { Invitation = i, Survey = s })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Invitation, row.Survey);
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
