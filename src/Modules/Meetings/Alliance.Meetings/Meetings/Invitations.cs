using Alliance.Labs.Contracts;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Persistence;
using Alliance.Members.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Invites a meeting's audience: an "invited" registration per person (with read copies of name, organisation and
/// partner group) and an invitation e-mail through the outbox. People already on the list are left alone.
/// </summary>
internal sealed class Invitations(MeetingsDbContext db, IMediator mediator, ModuleCatalog catalog, MeetingMails mails, TimeProvider clock)
{
    public async Task<IReadOnlyCollection<Guid>?> AudienceOrganizationsAsync(AudienceKind audience, Guid? labId, IReadOnlyCollection<Guid> chosen, CancellationToken cancellationToken)
    {
        switch (audience)
        {
            case AudienceKind.AllMembers:
                return null;
            case AudienceKind.ChosenOrganizations:
                return chosen;
            default:
                if (labId is null || !catalog.Handles(typeof(GetLabDetails)))
                {
                    return [];
                }

                var lab = await mediator.Send(new GetLabDetails(labId.Value), cancellationToken);
                return lab?.MemberOrganizationIds ?? [];
        }
    }

    public async Task<int> InviteAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var organizations = await AudienceOrganizationsAsync(meeting.Audience, meeting.LabId, meeting.AudienceOrganizationIds, cancellationToken);
        if (organizations is { Count: 0 })
        {
            return 0;
        }

        var people = await mediator.Send(new GetMemberContacts(organizations), cancellationToken);
        var known = await db.Registrations.Where(r => r.MeetingId == meeting.Id).Select(r => r.PersonId).ToListAsync(cancellationToken);
        var fresh = people.Where(p => !p.IsErased && !known.Contains(p.Id)).ToList();
        var organizationIds = fresh.Where(p => p.OrganizationId is not null).Select(p => p.OrganizationId!.Value).Distinct().ToList();
        var organizationsById = (await mediator.Send(new GetOrganizationsByIds(organizationIds), cancellationToken)).ToDictionary(o => o.Id);
        var now = clock.GetUtcNow();
        foreach (var person in fresh)
        {
            var organization = person.OrganizationId is { } id ? organizationsById.GetValueOrDefault(id) : null;
            var registration = NewRegistration(meeting.Id, person, organization, RegistrationStatus.Invited, now);
            db.Registrations.Add(registration);
            if (GetsMail(person) && mails.Invitation(registration, meeting) is { } mail)
            {
                db.AddIntegrationEvent(mail, now);
            }
        }

        meeting.InvitedAt ??= now;
        return fresh.Count;
    }

    /// <summary>Whether an invitation mail reaches <paramref name="person"/>: consent to e-mail and an address.</summary>
    public static bool GetsMail(PersonSummary person) => person.MayContactByEmail && !string.IsNullOrWhiteSpace(person.Email);

    public static Registration NewRegistration(Guid meetingId, PersonSummary person, OrganizationSummary? organization, RegistrationStatus status, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        MeetingId = meetingId,
        PersonId = person.Id,
        OrganizationId = person.OrganizationId,
        PersonName = person.DisplayName,
        OrganizationName = organization?.Name,
        PartnerGroup = organization?.PartnerGroup,
        Email = person.MayContactByEmail ? person.Email : null,
        NameVisibleToMembers = person.NameVisibleToMembers,
        Language = person.PreferredLanguage,
        Status = status,
        CreatedAt = now,
    };
}
