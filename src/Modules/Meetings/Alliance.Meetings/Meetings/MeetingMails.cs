using System.Globalization;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Alliance.Members.Contracts;
using MediatR;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Meeting e-mails in the recipient's language, always with date, local time (meeting's zone), place or link,
/// the page link and the calendar (.ics) link. Arguments: {0} title, {1} date, {2} time, {3} place, {4} page, {5} .ics.
/// Address, consent and language are read from Members at send time (<see cref="RefreshContactsAsync"/>), so a changed
/// address or a withdrawn consent counts at once, not only once Members' PersonChanged has arrived.
/// </summary>
internal sealed class MeetingMails(EmailComposer composer, IStringLocalizer<MeetingsText> texts, IMediator mediator)
{
    /// <summary>Brings the registrations' contact copies (address only with consent, language, name, name consent) up to date from Members, in one batch.</summary>
    public async Task RefreshContactsAsync(IReadOnlyCollection<Registration> registrations, CancellationToken cancellationToken)
    {
        if (registrations.Count == 0)
        {
            return;
        }

        var people = (await mediator.Send(new GetPeopleByIds([.. registrations.Select(r => r.PersonId).Distinct()]), cancellationToken)).ToDictionary(p => p.Id);
        foreach (var registration in registrations)
        {
            if (people.TryGetValue(registration.PersonId, out var person))
            {
                Apply(registration, person);
            }
        }
    }

    /// <summary>Copies what Meetings keeps of a person onto a registration; an erased person keeps the erased placeholder.</summary>
    public static void Apply(Registration registration, PersonSummary person)
    {
        if (person.IsErased || registration.IsErased)
        {
            registration.Email = null;
            return;
        }

        registration.Email = person.MayContactByEmail ? person.Email : null;
        registration.Language = person.PreferredLanguage;
        registration.PersonName = person.DisplayName;
        registration.NameVisibleToMembers = person.NameVisibleToMembers;
    }

    public EmailRequested? Compose(Registration registration, Meeting meeting, string subjectKey, string bodyKey, string? extra = null)
    {
        if (string.IsNullOrWhiteSpace(registration.Email) || registration.IsErased)
        {
            return null;
        }

        var language = Cultures.Normalize(registration.Language);
        var culture = CultureInfo.GetCultureInfo(language);
        var start = Recurrence.ToLocal(meeting.StartsAt, meeting.TimeZone);
        var end = Recurrence.ToLocal(meeting.EndsAt, meeting.TimeZone);
        string place;
        using (Cultures.Use(language))
        {
            place = string.Join(" · ", new[] { meeting.Place, meeting.OnlineLink }.Where(p => !string.IsNullOrWhiteSpace(p)));
            if (place.Length == 0)
            {
                place = texts["Place_None"];
            }
        }

        object[] arguments =
        [
            meeting.DisplayTitle,
            start.ToString("dddd, d. MMMM yyyy", culture),
            $"{start.ToString("HH:mm", culture)}–{end.ToString("HH:mm", culture)} ({meeting.TimeZone})",
            place,
            composer.Link($"/meetings/{meeting.Id}"),
            composer.Link($"/api/meetings/{meeting.Id}/ics"),
            extra ?? "",
        ];
        return composer.Compose(texts, language, registration.Email, registration.PersonName, subjectKey, bodyKey, arguments, "meetings");
    }
}
