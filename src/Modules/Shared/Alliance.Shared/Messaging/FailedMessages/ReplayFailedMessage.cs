using Alliance.Shared.Contracts;
using MediatR;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Messaging.FailedMessages;

/// <summary>Puts a failed message back in its outbox as new: pending, attempts reset, due now (administrators).</summary>
[AllowedFor(Who.Administrator)]
public sealed record ReplayFailedMessage(string Module, Guid Id) : IRequest;

internal sealed class ReplayFailedMessageValidator : AbstractValidator<ReplayFailedMessage>
{
    public ReplayFailedMessageValidator(FailedMessageRows rows) => rows.Validate(this, r => r.Module, r => r.Id);
}

internal sealed class ReplayFailedMessageHandler(FailedMessageRows rows, OutboxSignal signal, TimeProvider clock)
    : IRequestHandler<ReplayFailedMessage>
{
    public async Task<Unit> Handle(ReplayFailedMessage request, CancellationToken cancellationToken)
    {
        var db = rows.ContextOf(request.Module);
        var now = clock.GetUtcNow();
        // One statement: of two administrators replaying at once, one changes the row and the other gets 409.
        var replayed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == request.Id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (replayed == 0)
        {
            throw await rows.WhyUnchangedAsync(db, request.Id, cancellationToken);
        }

        // Committed (no transaction is open): deliver now rather than at the next sweep.
        signal.Notify(request.Module);
        return Unit.Value;
    }
}
