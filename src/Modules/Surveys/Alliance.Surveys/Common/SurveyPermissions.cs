using Alliance.Shared.Errors;
using Alliance.Shared.Security;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Common;

/// <summary>
/// Every resource rule of the surveys in one place: staff build, publish, close and see everything; a survey is
/// changed only while it is a draft; a representative answers the invitations of their own organisation (or their
/// own person); anyone with a personal link answers that one invitation. Handlers ask it; query results carry its
/// answers as <c>Can…</c> flags. Who may send a request at all is the request's <c>[AllowedFor]</c>.
/// </summary>
internal sealed class SurveyPermissions(SurveysDbContext db, ICurrentUser user, IStringLocalizer<SurveysText> text)
{
    /// <summary>The signed-in person (or nobody).</summary>
    public ICurrentUser User => user;

    /// <summary>The office: staff or administrators.</summary>
    public bool IsStaff => user.IsStaff;

    /// <summary>The survey, or 404.</summary>
    public async Task<Survey> SurveyAsync(Guid surveyId, CancellationToken ct) =>
        await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct) ?? throw NotFoundException.For("Survey", surveyId);

    /// <summary>Staff change a survey while it is a draft.</summary>
    public bool CanEdit(Survey survey) => user.IsStaff && survey.Status == SurveyStatus.Draft;

    /// <summary>The survey for a change: 404 when unknown, 409 when it is no longer a draft.</summary>
    public async Task<Survey> EditableSurveyAsync(Guid surveyId, CancellationToken ct)
    {
        var survey = await SurveyAsync(surveyId, ct);
        RequireDraft(survey);
        return survey;
    }

    /// <summary>A published or closed survey is immutable (409); a change makes a new version.</summary>
    public void RequireDraft(Survey survey)
    {
        if (survey.Status != SurveyStatus.Draft)
        {
            throw new ConflictException(text["Survey_PublishedReadOnly"]);
        }
    }

    /// <summary>Whether the signed-in user may answer this invitation from the dashboard (own organisation or own person).</summary>
    public bool MayAnswer(Invitation invitation) =>
        (invitation.PersonId is { } person && person == user.PersonId)
        || (invitation.PersonId is null && invitation.OrganizationId is { } org && org == user.OrganizationId);
}
