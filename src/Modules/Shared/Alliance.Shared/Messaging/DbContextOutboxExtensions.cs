using Alliance.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Messaging;

public static class DbContextOutboxExtensions
{
    /// <summary>
    /// Adds the event to this module's outbox. It is stored by the same SaveChanges as the change that caused it,
    /// and delivered only if that commit succeeds.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent integrationEvent, DateTimeOffset now)
    {
        var stamped = integrationEvent.OccurredAt == default ? integrationEvent with { OccurredAt = now } : integrationEvent;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = stamped.EventId,
            Type = EventNames.Of(stamped.GetType()),
            Payload = IntegrationEventSerializer.Serialize(stamped),
            OccurredAt = now,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
        });
    }
}
