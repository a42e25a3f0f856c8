using Alliance.Meetings.Domain;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Mail;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// RFC 5545 calendars: each event in its meeting's zone (TZID + VTIMEZONE), so Outlook, Thunderbird and Google show
/// the right local time; cancelled meetings as STATUS:CANCELLED with a higher SEQUENCE.
/// </summary>
internal sealed class IcsWriter(EmailComposer composer)
{
    /// <summary>The MIME type of iCalendar files.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    public string Write(string name, IEnumerable<Meeting> meetings)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Alliance//Meetings//DE" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.Method = "PUBLISH";
        // Each zone's VTIMEZONE covers every meeting of the file, whatever its year.
        foreach (var zone in meetings.GroupBy(m => m.TimeZone))
        {
            calendar.AddTimeZone(CalendarTimeZones.Build(zone.Key, zone.Min(m => m.StartsAt), zone.Max(m => m.EndsAt)));
        }

        foreach (var meeting in meetings)
        {
            var start = Recurrence.ToLocal(meeting.StartsAt, meeting.TimeZone);
            var end = Recurrence.ToLocal(meeting.EndsAt, meeting.TimeZone);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{meeting.Id}@alliance",
                Summary = meeting.DisplayTitle,
                DtStart = new CalDateTime(start, meeting.TimeZone),
                DtEnd = new CalDateTime(end, meeting.TimeZone),
                Location = string.Join(" · ", new[] { meeting.Place, meeting.OnlineLink }.Where(p => !string.IsNullOrWhiteSpace(p))),
                Url = new Uri(composer.Link($"/meetings/{meeting.Id}")),
                Sequence = meeting.Sequence,
                Status = meeting.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                DtStamp = new CalDateTime(meeting.ChangedAt.UtcDateTime, "UTC"),
                LastModified = new CalDateTime(meeting.ChangedAt.UtcDateTime, "UTC"),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
