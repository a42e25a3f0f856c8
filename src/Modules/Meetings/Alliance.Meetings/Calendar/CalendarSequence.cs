using Alliance.Meetings.Domain;

namespace Alliance.Meetings.Calendar;

/// <summary>
/// The SEQUENCE of the next scheduling message (.ics) to one registrant. A calendar applies a message only when its
/// SEQUENCE is higher than that of the one it holds (or equal with a later DTSTAMP), so every message after an earlier
/// one for the same UID must count up — also when the meeting did not change: she cancels (CANCEL) and registers again
/// (REQUEST). The meeting's own SEQUENCE counts its significant changes; the registrant's is at least that and always
/// above the last one she was sent (<see cref="Registration.CalendarSequence"/>).
/// </summary>
internal static class CalendarSequence
{
    /// <summary>Takes the next SEQUENCE for a message to <paramref name="registration"/> and records it as sent.</summary>
    public static int Next(Registration registration, Meeting meeting)
    {
        var sequence = registration.CalendarSequence is { } last ? Math.Max(meeting.Sequence, last + 1) : meeting.Sequence;
        registration.CalendarSequence = sequence;
        return sequence;
    }
}
