using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Shared.Modules;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Mail;

internal sealed class ForgetMailRecipientValidator : AbstractValidator<ForgetMailRecipient>
{
    public ForgetMailRecipientValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(320);
}

/// <summary>
/// Blanks address, name and body of every mail to the address (any case) and deletes its attachments; queued ones are
/// cancelled as failed. The mail requests still in any module's outbox (delivered copies, and waiting ones no dispatcher
/// holds right now) go too: they carry the address, the name and the text, and a waiting one would be sent.
/// </summary>
internal sealed class ForgetMailRecipientHandler(MailDbContext db, ModuleCatalog catalog, IServiceProvider services, TimeProvider clock)
    : IRequestHandler<ForgetMailRecipient, int>
{
    /// <summary>What the log shows instead of a forgotten queued mail's error.</summary>
    public const string ErasedNote = "Recipient erased; not sent.";

    public async Task<int> Handle(ForgetMailRecipient request, CancellationToken cancellationToken)
    {
        var address = request.Email.Trim().ToLowerInvariant();
        await ForgetOutboxMailsAsync(address, cancellationToken);
        await db.Attachments
            .Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.ToAddress.ToLower() == address))
            .ExecuteDeleteAsync(cancellationToken);
        return await db.Messages
            .Where(m => m.ToAddress.ToLower() == address)
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.ToAddress, string.Empty)
                .SetProperty(m => m.ToName, string.Empty)
                .SetProperty(m => m.TextBody, string.Empty)
                .SetProperty(m => m.LastError, m => m.Status == EmailStatus.Queued ? ErasedNote : m.LastError)
                .SetProperty(m => m.Status, m => m.Status == EmailStatus.Queued ? EmailStatus.Failed : m.Status), cancellationToken);
    }

    /// <summary>
    /// Every module's outbox in the one database; schema names come from the modules' own models, never from input.
    /// Rows another transaction holds are skipped (a module's erasure handler may be deleting them itself while it
    /// sends this request: waiting for it would wait for ourselves).
    /// </summary>
    private async Task ForgetOutboxMailsAsync(string address, CancellationToken cancellationToken)
    {
        var mail = EventNames.Of(typeof(EmailRequested));
        var legacy = EventNames.LegacyNameOf(typeof(EmailRequested));
        var now = clock.GetUtcNow();
        foreach (var module in catalog.Modules)
        {
            var schema = ((DbContext)services.GetRequiredService(module.DbContextType)).Model.GetDefaultSchema() ?? module.Name;
#pragma warning disable EF1002 // the schema is the module's own, the values are parameters
            await db.Database.ExecuteSqlRawAsync(
                $$"""
                DELETE FROM "{{schema}}".outbox_messages WHERE id IN (
                    SELECT id FROM "{{schema}}".outbox_messages
                    WHERE type IN ({0}, {1}) AND lower(payload->>'toAddress') = {2}
                      AND (status <> {{(int)OutboxStatus.Pending}} OR locked_until IS NULL OR locked_until < {3})
                    FOR UPDATE SKIP LOCKED)
                """, [mail, legacy, address, now], cancellationToken);
#pragma warning restore EF1002
        }
    }
}
