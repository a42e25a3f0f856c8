using Alliance.Members.Contracts;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Resources;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Surveys.Publishing;

/// <summary>Who gets an invitation's mail, and the mails themselves, in each recipient's language.</summary>
internal sealed class SurveyMails(IMediator mediator, EmailComposer composer, IStringLocalizer<SurveysText> text)
{
    /// <summary>
    /// The people an invitation's mail goes to, read fresh from Members so a withdrawn consent counts at once: the
    /// organisation's contact representatives (per organisation), or the person (per person) — only those with an
    /// address who agreed to be contacted by e-mail.
    /// </summary>
    public async Task<ILookup<Guid, PersonSummary>> RecipientsAsync(IReadOnlyCollection<Invitation> invitations, CancellationToken ct)
    {
        var organizations = invitations.Where(i => i.PersonId is null && i.OrganizationId is not null).Select(i => i.OrganizationId!.Value).Distinct().ToList();
        var people = invitations.Where(i => i.PersonId is not null).Select(i => i.PersonId!.Value).Distinct().ToList();
        var contacts = organizations.Count == 0 ? [] : await mediator.Send(new GetMemberContacts(organizations), ct);
        var persons = people.Count == 0 ? [] : await mediator.Send(new GetPeopleByIds(people), ct);
        var byOrganization = contacts.Where(Mailable).ToLookup(p => p.OrganizationId!.Value);
        var byPerson = persons.Where(Mailable).ToDictionary(p => p.Id);
        return invitations
            .SelectMany(i => i.PersonId is { } person
                ? byPerson.TryGetValue(person, out var p) ? [(i.Id, p)] : Array.Empty<(Guid, PersonSummary)>()
                : byOrganization[i.OrganizationId ?? Guid.Empty].Select(p => (i.Id, p)))
            .ToLookup(x => x.Item1, x => x.Item2);
    }

    private static bool Mailable(PersonSummary person) => person is { IsErased: false, MayContactByEmail: true } && !string.IsNullOrWhiteSpace(person.Email);

    /// <summary>The invitation (or reminder) mail with the personal link, in the recipient's language.</summary>
    public EmailRequested Compose(PersonSummary recipient, Survey survey, string token, bool reminder)
    {
        var english = Cultures.Normalize(recipient.PreferredLanguage) == Cultures.English;
        return composer.Compose(text, recipient.PreferredLanguage, recipient.Email!, recipient.DisplayName,
            reminder ? "Mail_Reminder_Subject" : "Mail_Invitation_Subject",
            reminder ? "Mail_Reminder_Body" : "Mail_Invitation_Body",
            [survey.Title(english), composer.Link(InvitationTokens.Path(token)), survey.ClosesOn, survey.OpensOn],
            "surveys", recipient.Id);
    }
}
