using System.Text;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Scheduling;
using Alliance.Shared.Contracts;
using Alliance.Shared.Mail;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// RFC 5545 calendars: each event in its meeting's zone (TZID + VTIMEZONE), so Outlook, Thunderbird and Google show
/// the right local time; cancelled meetings as STATUS:CANCELLED with a higher SEQUENCE. Mails carry RFC 5546
/// scheduling messages (<see cref="Invitation"/>): METHOD:REQUEST for a new or changed meeting, METHOD:CANCEL for a
/// cancelled one, with the same UID and the current SEQUENCE, so a calendar updates the entry it already has.
/// </summary>
internal sealed class IcsWriter(EmailComposer composer, IOptions<MailOptions> mail)
{
    /// <summary>The MIME type of iCalendar files.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>iTIP method of a new or changed meeting.</summary>
    public const string Request = "REQUEST";

    /// <summary>iTIP method of a cancelled meeting.</summary>
    public const string Cancel = "CANCEL";

    public string Write(string name, IEnumerable<Meeting> meetings)
    {
        var calendar = NewCalendar("PUBLISH", meetings);
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var meeting in meetings)
        {
            calendar.Events.Add(Event(meeting));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// The meeting as a scheduling message for one attendee (ORGANIZER is the alliance's mail address, the attendee the
    /// recipient), ready to attach to a mail: <see cref="Cancel"/> for a cancelled meeting, <see cref="Request"/> otherwise.
    /// <paramref name="sequence"/> is the attendee's (<see cref="CalendarSequence.Next"/>), DTSTAMP the moment the message is made
    /// (RFC 5546: a calendar applies a message only when it is newer than the one it holds).
    /// </summary>
    public EmailAttachment Invitation(Meeting meeting, string attendeeEmail, string attendeeName, int sequence, DateTimeOffset now) =>
        Message(meeting, attendeeEmail, attendeeName, meeting.IsCancelled, sequence, now);

    /// <summary>
    /// METHOD:CANCEL for one attendee whose own registration ended (the meeting itself goes on): same UID, the attendee's
    /// next SEQUENCE and a DTSTAMP of <paramref name="now"/>, so the calendar takes it as newer than the invitation it holds
    /// and removes the entry — and a later REQUEST (she registers again) is newer again.
    /// </summary>
    public EmailAttachment Withdrawal(Meeting meeting, string attendeeEmail, string attendeeName, int sequence, DateTimeOffset now) =>
        Message(meeting, attendeeEmail, attendeeName, cancelled: true, sequence, now);

    private EmailAttachment Message(Meeting meeting, string attendeeEmail, string attendeeName, bool cancelled, int sequence, DateTimeOffset now)
    {
        var method = cancelled ? Cancel : Request;
        var calendar = NewCalendar(method, [meeting]);
        var calendarEvent = Event(meeting);
        if (cancelled)
        {
            calendarEvent.Status = EventStatus.Cancelled;
        }

        calendarEvent.Sequence = sequence;
        calendarEvent.DtStamp = new CalDateTime(now.UtcDateTime, "UTC");
        calendarEvent.Organizer = new Organizer($"mailto:{mail.Value.FromAddress}") { CommonName = mail.Value.FromName };
        calendarEvent.Attendees.Add(new Attendee($"mailto:{attendeeEmail}")
        {
            CommonName = attendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = cancelled && !meeting.IsCancelled ? "DECLINED" : "ACCEPTED",
            Rsvp = false,
        });
        calendar.Events.Add(calendarEvent);
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new EmailAttachment(
            method == Cancel ? "cancel.ics" : "invite.ics",
            $"text/calendar; method={method}; charset=utf-8",
            Encoding.UTF8.GetBytes(text));
    }

    private static Ical.Net.Calendar NewCalendar(string method, IEnumerable<Meeting> meetings)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Alliance//Meetings//DE", Method = method };
        // Each zone's VTIMEZONE covers every meeting of the file, whatever its year.
        foreach (var zone in meetings.GroupBy(m => m.TimeZone))
        {
            calendar.AddTimeZone(CalendarTimeZones.Build(zone.Key, zone.Min(m => m.StartsAt), zone.Max(m => m.EndsAt)));
        }

        return calendar;
    }

    private CalendarEvent Event(Meeting meeting)
    {
        var start = Recurrence.ToLocal(meeting.StartsAt, meeting.TimeZone);
        var end = Recurrence.ToLocal(meeting.EndsAt, meeting.TimeZone);
        return new CalendarEvent
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
        };
    }
}
