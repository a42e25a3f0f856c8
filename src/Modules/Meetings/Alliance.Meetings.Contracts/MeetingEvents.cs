using Alliance.Shared.Contracts;

namespace Alliance.Meetings.Contracts;

/// <summary>
/// The minutes of a meeting record an action item ("Konzept vorlegen — Amt für Wirtschaftsförderung — bis 30.09.").
/// Labs takes it into the lab's and the owner's task lists and keeps the link back to the meeting and decision.
/// The owner is a person, an organisation, or both.
/// </summary>
[EventName("meetings.action-item-decided")]
public sealed record ActionItemDecided(
    Guid MeetingId,
    Guid DecisionId,
    Guid? LabId,
    string Title,
    Guid? OwnerPersonId,
    Guid? OwnerOrganizationId,
    DateOnly? DueDate,
    string MeetingTitle,
    string SourceLink) : IntegrationEvent
{
    /// <summary>
    /// The action item's own id: one event per action item, and subscribers key on it (a decision with three action
    /// items gives three tasks).
    /// </summary>
    public Guid ActionItemId { get; init; }
}

/// <summary>What registrants of a meeting were told (by their mail, with the calendar entry).</summary>
public enum RegistrantNotice
{
    Registered = 0,
    Waitlisted = 1,
    MovedUp = 2,
    Changed = 3,
    Cancelled = 4,
}

/// <summary>
/// Registrants of a meeting were told something: Notifications shows it in-app. Meetings sends the mail itself (it
/// carries the .ics) and leaves it out for people who chose "in-app only" for the kind (asked through Notifications'
/// contract). <see cref="StartsAt"/> is an instant; the text shows the day in the alliance's zone.
/// </summary>
[EventName("meetings.registrants-told")]
public sealed record RegistrantsTold(Guid MeetingId, string MeetingTitle, DateTimeOffset StartsAt, RegistrantNotice Notice, IReadOnlyList<Guid> PersonIds) : IntegrationEvent;
