namespace Alliance.Shared.Messaging;

/// <summary>An integration event waiting in its publisher's schema to be delivered to every subscriber.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
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
