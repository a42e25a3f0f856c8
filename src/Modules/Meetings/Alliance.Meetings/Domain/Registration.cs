using Alliance.Members.Contracts;

namespace Alliance.Meetings.Domain;

/// <summary>
/// A person's place at a meeting: invited, registered, waiting, declined or cancelled, and whether they came.
/// Name, organisation and partner group are read copies taken from Members (for lists and statistics).
/// </summary>
internal sealed class Registration
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string PersonName { get; set; }
    public string? OrganizationName { get; set; }
    public PartnerGroup? PartnerGroup { get; set; }
    public string? Email { get; set; }

    /// <summary>Copy of the person's consent to show their name to other members (kept fresh from Members' PersonChanged).</summary>
    public bool NameVisibleToMembers { get; set; }

    /// <summary>The <c>SourceVersion</c> of the last PersonChanged applied to this copy; older snapshots are ignored.</summary>
    public long PersonVersion { get; set; }
    public string Language { get; set; } = "de";
    public RegistrationStatus Status { get; set; }

    /// <summary>Order on the waitlist (lower waits longer).</summary>
    public long? WaitlistPosition { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public bool IsWalkIn { get; set; }
    public bool IsErased { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>SEQUENCE of the last .ics sent to this person for the meeting (null: none yet); see <c>CalendarSequence</c>.</summary>
    public int? CalendarSequence { get; set; }
}

/// <summary>
/// A reminder sent: the primary key (meeting, person, start, days before) makes "never twice for the same start" a
/// database rule, while a moved meeting (a new start) is reminded again.
/// </summary>
internal sealed class ReminderLog
{
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The meeting's start the reminder was sent for.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public int DaysBefore { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>A person's personal calendar feed token (renewable).</summary>
internal sealed class CalendarFeed
{
    public Guid PersonId { get; set; }
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
