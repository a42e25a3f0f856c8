using Alliance.Shared.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Modules;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alliance.Shared.Messaging;

/// <summary>How many rows the retention job removed or blanked.</summary>
public sealed record PurgeResult(int OutboxRows, int InboxRows, int MailBodies);

/// <summary>
/// The retention job's work: deletes delivered (and discarded) outbox rows and inbox rows older than
/// <see cref="MessagingOptions.RetentionDays"/>, and blanks the bodies of mails sent before then (they hold
/// invitation links and personal text; attachments are deleted; address and subject stay as the office's log). Failed and pending rows
/// are kept, and so are the inbox rows of events still waiting in some outbox, so a replay never runs a
/// subscriber twice.
/// </summary>
[AllowedFor(Who.Internal)]
internal sealed record PurgeDeliveredMessages : IRequest<PurgeResult>;

internal sealed class PurgeDeliveredMessagesHandler(
    ModuleCatalog catalog,
    IServiceProvider services,
    MailDbContext mail,
    TimeProvider clock,
    IOptions<MessagingOptions> options) : IRequestHandler<PurgeDeliveredMessages, PurgeResult>
{
    public async Task<PurgeResult> Handle(PurgeDeliveredMessages request, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, options.Value.RetentionDays));
        // Schema names come from the modules' own models, never from input; the cutoff is a parameter.
        var schemas = catalog.Modules
            .Select(m => ((DbContext)services.GetRequiredService(m.DbContextType)).Model.GetDefaultSchema() ?? m.Name)
            .Distinct()
            .ToList();
        var waiting = string.Join(" OR ", schemas.Select(s =>
            $"""EXISTS (SELECT 1 FROM "{s}".outbox_messages o WHERE o.id = i.event_id AND o.status IN ({(int)OutboxStatus.Pending}, {(int)OutboxStatus.Failed}))"""));

        var outbox = 0;
        var inbox = 0;
#pragma warning disable EF1002
        foreach (var schema in schemas)
        {
            outbox += await mail.Database.ExecuteSqlRawAsync(
                $$"""DELETE FROM "{{schema}}".outbox_messages WHERE status IN ({{(int)OutboxStatus.Delivered}}, {{(int)OutboxStatus.Discarded}}) AND processed_at < {0}""",
                [cutoff], cancellationToken);
            inbox += await mail.Database.ExecuteSqlRawAsync(
                $$"""DELETE FROM "{{schema}}".inbox_messages AS i WHERE i.processed_at < {0} AND NOT ({{waiting}})""",
                [cutoff], cancellationToken);
        }
#pragma warning restore EF1002

        await mail.Attachments
            .Where(a => mail.Messages.Any(m => m.Id == a.MessageId && m.Status == EmailStatus.Sent && m.SentAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
        var bodies = await mail.Messages
            .Where(m => m.Status == EmailStatus.Sent && m.SentAt < cutoff && m.TextBody != string.Empty)
            .ExecuteUpdateAsync(row => row.SetProperty(m => m.TextBody, string.Empty), cancellationToken);
        return new PurgeResult(outbox, inbox, bodies);
    }
}
