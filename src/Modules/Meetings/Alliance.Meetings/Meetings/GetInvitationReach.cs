using Alliance.Meetings.Domain;
using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Meetings.Resources;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Before invitations go out: how many people an audience invites and how many of them get no invitation mail
/// (no consent to e-mail or no address) — the same people <see cref="Invitations.InviteAsync"/> would invite.
/// </summary>
[AllowedFor(Who.Staff)]
internal sealed record GetInvitationReach(AudienceKind Audience, Guid? LabId = null, IReadOnlyList<Guid>? OrganizationIds = null) : IRequest<InvitationReach>;

/// <summary>"3 of 40 invitees get no mail": <see cref="WithoutMail"/> of <see cref="Invitees"/>.</summary>
internal sealed record InvitationReach(int Invitees, int WithoutMail);

internal sealed class GetInvitationReachValidator : AbstractValidator<GetInvitationReach>
{
    public GetInvitationReachValidator(IStringLocalizer<MeetingsText> text)
    {
        RuleFor(r => r.Audience).IsInEnum();
        RuleFor(r => r.OrganizationIds).Must(ids => ids is null || ids.Count <= RequestCaps.OrganizationsPerMeeting)
            .WithMessage(_ => string.Format(text["Validation_TooManyOrganizations"], RequestCaps.OrganizationsPerMeeting));
    }
}

internal sealed class GetInvitationReachHandler(Invitations invitations, IMediator mediator) : IRequestHandler<GetInvitationReach, InvitationReach>
{
    public async Task<InvitationReach> Handle(GetInvitationReach request, CancellationToken cancellationToken)
    {
        var organizations = await invitations.AudienceOrganizationsAsync(request.Audience, request.LabId, request.OrganizationIds ?? [], cancellationToken);
        if (organizations is { Count: 0 })
        {
            return new InvitationReach(0, 0);
        }

        var people = (await mediator.Send(new GetMemberContacts(organizations), cancellationToken)).Where(p => !p.IsErased).ToList();
        return new InvitationReach(people.Count, people.Count(p => !Invitations.GetsMail(p)));
    }
}
