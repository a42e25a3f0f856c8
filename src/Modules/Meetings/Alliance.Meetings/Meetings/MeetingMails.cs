using System.Globalization;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Resources;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Localization;
using Alliance.Shared.Mail;
using Microsoft.Extensions.Localization;

namespace Alliance.Meetings.Meetings;

/// <summary>
/// Meeting e-mails in the recipient's language, always with date, local time (meeting's zone), place or link,
/// the page link and the calendar (.ics) link. Arguments: {0} title, {1} date, {2} time, {3} place, {4} page, {5} .ics.
/// </summary>
internal sealed class MeetingMails(EmailComposer composer, IStringLocalizer<MeetingsText> texts)
{
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
