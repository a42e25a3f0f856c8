using Alliance.Labs.Contracts;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Errors;
using Alliance.Shared.Localization;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
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
    SurveysDbContext db, SurveyPermissions permissions, IMediator mediator, ModuleCatalog modules, InvitationTokens tokens, SurveyMails mails,
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

        var targets = await TargetsAsync(survey, cancellationToken);
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

    /// <summary>
    /// The audience as (organisation, person) pairs: per organisation (person null) the union of the organisations
    /// chosen by attributes, by lab and by hand, plus the organisations of hand-picked people; per person every
    /// contact of those organisations plus the hand-picked people. Only active organisations, no erased people.
    /// </summary>
    private async Task<List<(Guid? Organization, Guid? Person)>> TargetsAsync(Survey survey, CancellationToken ct)
    {
        var audience = survey.Audience;
        var organizations = new HashSet<Guid>();
        if (audience.ByAttributes)
        {
            foreach (var organization in await mediator.Send(new GetActiveOrganizations(), ct))
            {
                if ((audience.PartnerGroups.Count == 0 || audience.PartnerGroups.Contains(organization.PartnerGroup))
                    && (audience.Sectors.Count == 0 || (organization.Sector is { } sector && audience.Sectors.Contains(sector, StringComparer.OrdinalIgnoreCase)))
                    && (audience.SizeClasses.Count == 0 || audience.SizeClasses.Contains(organization.SizeClass)))
                {
                    organizations.Add(organization.Id);
                }
            }
        }

        if (audience.LabIds.Count > 0 && modules.Handles(typeof(GetLabDetails)))
        {
            foreach (var lab in audience.LabIds)
            {
                if (await mediator.Send(new GetLabDetails(lab), ct) is { } details)
                {
                    organizations.UnionWith(details.MemberOrganizationIds);
                }
            }
        }

        var picked = audience.PersonIds.Count == 0 ? [] : (await mediator.Send(new GetPeopleByIds(audience.PersonIds), ct)).Where(p => !p.IsErased).ToList();
        var chosen = organizations.Concat(audience.OrganizationIds).ToHashSet();
        if (survey.ResponseUnit == ResponseUnit.Organization)
        {
            chosen.UnionWith(picked.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value));
        }

        // Only organisations that are still active members.
        var active = chosen.Count == 0 ? [] : (await mediator.Send(new GetOrganizationsByIds(chosen), ct)).Where(o => o.IsActive).Select(o => o.Id).ToHashSet();
        if (survey.ResponseUnit == ResponseUnit.Organization)
        {
            return active.Select(o => ((Guid?)o, (Guid?)null)).ToList();
        }

        var people = active.Count == 0 ? [] : (await mediator.Send(new GetMemberContacts(active), ct)).ToList();
        return people.Concat(picked).DistinctBy(p => p.Id)
            .Select(p => (p.OrganizationId, (Guid?)p.Id)).ToList();
    }
}
