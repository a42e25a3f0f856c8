using Alliance.Shared.Contracts;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using MediatR;

namespace Alliance.Surveys.Publishing;

/// <summary>
/// Before a draft is published: how many invitations its audience makes right now and how many of them reach nobody by
/// mail (no address, or no consent to be contacted by e-mail) — the same count publishing reports afterwards, so staff
/// can fix addresses or consents first. Nothing is stored.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetPublishReach(Guid SurveyId) : IRequest<PublishReach>;

/// <summary>Invitations the audience makes (<paramref name="Invitees"/>) and how many of them get no mail.</summary>
internal sealed record PublishReach(int Invitees, int WithoutMail);

internal sealed class GetPublishReachHandler(SurveyPermissions permissions, SurveyAudience audience, SurveyMails mails)
    : IRequestHandler<GetPublishReach, PublishReach>
{
    public async Task<PublishReach> Handle(GetPublishReach request, CancellationToken cancellationToken)
    {
        var survey = await permissions.SurveyAsync(request.SurveyId, cancellationToken);
        var targets = await audience.TargetsAsync(survey, cancellationToken);
        // Unsaved invitations, only to ask SurveyMails the very question publishing asks.
        var invitations = targets.Select(t => new Invitation { Id = Guid.NewGuid(), SurveyId = survey.Id, TokenHash = [], TokenProtected = "", OrganizationId = t.Organization, PersonId = t.Person }).ToList();
        var recipients = await mails.RecipientsAsync(invitations, cancellationToken);
        return new PublishReach(invitations.Count, invitations.Count(i => !recipients[i.Id].Any()));
    }
}
