using System.Collections.Concurrent;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using MediatR;

namespace Alliance.Shared.Tests.TestModule;

/// <summary>The test module's integration event. <see cref="FailuresBeforeSuccess"/> tells the flaky subscriber how often to fail.</summary>
[EventName("kerneltest.ping-happened")]
public sealed record PingHappened(Guid PingId, int FailuresBeforeSuccess) : IntegrationEvent;

/// <summary>A change that publishes an event: a ping row and <see cref="PingHappened"/> in one commit.</summary>
internal sealed record RecordPing(string Label, int FailuresBeforeSuccess = 0) : IRequest<PingHappened>;

internal sealed class RecordPingHandler(KernelTestDbContext db, TimeProvider clock) : IRequestHandler<RecordPing, PingHappened>
{
    public Task<PingHappened> Handle(RecordPing request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ping = new Ping { Id = Guid.NewGuid(), Label = request.Label, CreatedAt = now };
        db.Pings.Add(ping);
        var happened = new PingHappened(ping.Id, request.FailuresBeforeSuccess) { OccurredAt = now };
        db.AddIntegrationEvent(happened, now);
        return Task.FromResult(happened);
    }
}

/// <summary>A subscriber that always works.</summary>
internal sealed class RecordPingEffect(KernelTestDbContext db, TimeProvider clock) : INotificationHandler<PingHappened>
{
    public const string Name = "record";

    public Task Handle(PingHappened notification, CancellationToken cancellationToken)
    {
        db.Effects.Add(new Effect { EventId = notification.EventId, Subscriber = Name, At = clock.GetUtcNow() });
        return Task.CompletedTask;
    }
}

/// <summary>A subscriber that throws the first N times it sees an event (after writing, to prove the write is rolled back).</summary>
internal sealed class FlakyPingSubscriber(KernelTestDbContext db, FlakySubscriberState state, TimeProvider clock) : INotificationHandler<PingHappened>
{
    public const string Name = "flaky";

    public async Task Handle(PingHappened notification, CancellationToken cancellationToken)
    {
        db.Effects.Add(new Effect { EventId = notification.EventId, Subscriber = Name, At = clock.GetUtcNow() });
        if (state.CountCall(notification.EventId) <= notification.FailuresBeforeSuccess)
        {
            // Written and flushed inside the subscriber's transaction, then the failure: nothing of it may remain.
            await db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException($"The flaky subscriber fails on purpose (event {notification.EventId}).");
        }
    }
}

internal sealed class FlakySubscriberState
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();

    public int CountCall(Guid eventId) => _calls.AddOrUpdate(eventId, 1, (_, calls) => calls + 1);

    public int Calls(Guid eventId) => _calls.GetValueOrDefault(eventId);
}

/// <summary>Publishes a mail request through the test module's outbox, as any module does.</summary>
internal sealed record RequestEmail(EmailRequested Mail) : IRequest<Unit>;

internal sealed class RequestEmailHandler(KernelTestDbContext db, TimeProvider clock) : IRequestHandler<RequestEmail, Unit>
{
    public Task<Unit> Handle(RequestEmail request, CancellationToken cancellationToken)
    {
        db.AddIntegrationEvent(request.Mail, clock.GetUtcNow());
        return Task.FromResult(Unit.Value);
    }
}
