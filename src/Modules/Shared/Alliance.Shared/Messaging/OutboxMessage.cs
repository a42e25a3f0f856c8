namespace Alliance.Shared.Messaging;

/// <summary>Where an outbox row stands. Stored as a number; never renumber.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for delivery (possibly leased by a dispatcher right now, see <see cref="OutboxMessage.LockedUntil"/>).</summary>
    Pending = 0,

    /// <summary>Every subscriber handled it.</summary>
    Delivered = 1,

    /// <summary>Given up: unreadable, unknown name or too many failed attempts. Waits for an administrator.</summary>
    Failed = 2,

    /// <summary>An administrator decided it is not to be delivered.</summary>
    Discarded = 3,
}

/// <summary>An integration event waiting in its publisher's schema to be delivered to every subscriber.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>The event's stable name (<see cref="Contracts.EventNameAttribute"/>); rows written before names existed hold the CLR name.</summary>
    public required string Type { get; set; }

    public required string Payload { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public OutboxStatus Status { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A dispatcher claimed the row until then; after a crash the row is claimable again once this passed.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>When it was delivered.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Delivery attempts so far, counted when a dispatcher claims the row.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>One subscriber has handled one event. Its key makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }
    public required string Handler { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
