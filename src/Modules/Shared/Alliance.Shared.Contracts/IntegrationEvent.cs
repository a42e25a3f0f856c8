using MediatR;

namespace Alliance.Shared.Contracts;

/// <summary>
/// An event one module tells the others. It is written to the publisher's outbox in the same
/// transaction as the change that caused it and delivered later, once per subscriber.
/// </summary>
public abstract record IntegrationEvent : INotification
{
    public Guid EventId { get; init; } = Guid.NewGuid();
    public DateTimeOffset OccurredAt { get; init; }
}
