using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Messaging;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Publishing;

/// <summary>
/// Staff publish a draft: from then on it is immutable. Its audience becomes invitations — one per organisation
/// (its contact representatives get the link) or one per person — each with its own token, and the invitation
/// mails are queued with the change, in each recipient's language. Answers are taken from the opening day on.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record PublishSurvey(Guid SurveyId, uint Version) : IRequest<PublishResult>;

/// <summary>How many invitations were made and how many of them reach nobody by mail.</summary>
internal sealed record PublishResult(int Invited, int WithoutMail);

internal sealed class PublishSurveyHandler(
    SurveysDbContext db, SurveyPermissions permissions, SurveyAudience audience, InvitationTokens tokens, SurveyMails mails,
    IStringLocalizer<SurveysText> text, TimeProvider clock) : IRequestHandler<PublishSurvey, PublishResult>
{
    public async Task<PublishResult> Handle(PublishSurvey request, CancellationToken cancellationToken)
    {
        var survey = await permissions.EditableSurveyAsync(request.SurveyId, cancellationToken);
        db.Entry(survey).Property(s => s.Version).OriginalValue = request.Version;
        if (survey.ClosesOn < AllianceTime.Today(clock))
        {
            throw new ConflictException(text["Publish_ClosesInPast"]);
        }

        if (!await db.Questions.AnyAsync(q => q.SurveyId == survey.Id, cancellationToken))
        {
            throw new ConflictException(text["Publish_NoQuestions"]);
        }

        var targets = await audience.TargetsAsync(survey, cancellationToken);
        if (targets.Count == 0)
        {
            throw new ConflictException(text["Publish_NoAudience"]);
        }

        var now = clock.GetUtcNow();
        var invitations = new List<(Invitation Invitation, string Token)>();
        foreach (var (organization, person) in targets)
        {
            var (token, hash, sealedToken) = tokens.Create();
            var invitation = new Invitation
            {
                Id = Guid.NewGuid(), SurveyId = survey.Id, TokenHash = hash, TokenProtected = sealedToken,
                OrganizationId = organization, PersonId = person, InvitedAt = now,
            };
            db.Invitations.Add(invitation);
            invitations.Add((invitation, token));
        }

        var recipients = await mails.RecipientsAsync(invitations.Select(i => i.Invitation).ToList(), cancellationToken);
        foreach (var (invitation, token) in invitations)
        {
            foreach (var recipient in recipients[invitation.Id])
            {
                db.AddIntegrationEvent(mails.Compose(recipient, survey, token, reminder: false), now);
                invitation.MailRecipients++;
            }
        }

        survey.Status = SurveyStatus.Published;
        survey.PublishedAt = now;
        return new PublishResult(invitations.Count, invitations.Count(i => i.Invitation.MailRecipients == 0));
    }
}
