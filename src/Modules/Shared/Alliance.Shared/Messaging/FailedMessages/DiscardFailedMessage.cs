using Alliance.Shared.Contracts;
using MediatR;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Messaging.FailedMessages;

/// <summary>Marks a failed message as discarded: it is never delivered and is deleted with the delivered ones (administrators).</summary>
[AllowedFor(Who.Administrator)]
public sealed record DiscardFailedMessage(string Module, Guid Id) : IRequest;

internal sealed class DiscardFailedMessageValidator : AbstractValidator<DiscardFailedMessage>
{
    public DiscardFailedMessageValidator(FailedMessageRows rows) => rows.Validate(this, r => r.Module, r => r.Id);
}

internal sealed class DiscardFailedMessageHandler(FailedMessageRows rows, TimeProvider clock) : IRequestHandler<DiscardFailedMessage>
{
    public async Task<Unit> Handle(DiscardFailedMessage request, CancellationToken cancellationToken)
    {
        var db = rows.ContextOf(request.Module);
        var now = clock.GetUtcNow();
        // ProcessedAt is the discard time, so the retention job removes it after the retention period.
        var discarded = await db.Set<OutboxMessage>()
            .Where(m => m.Id == request.Id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.Status, OutboxStatus.Discarded)
                .SetProperty(m => m.ProcessedAt, now), cancellationToken);
        if (discarded == 0)
        {
            throw await rows.WhyUnchangedAsync(db, request.Id, cancellationToken);
        }

        return Unit.Value;
    }
}
