using Alliance.Shared.Contracts;
using Alliance.Shared.Mail;
using Alliance.Shared.Modules;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Shared.Messaging.FailedMessages;

/// <summary>An outbox row that failed: what it is, where it waits and why it failed.</summary>
public sealed record FailedMessage(string Module, Guid Id, string Type, DateTimeOffset OccurredAt, int Attempts, string? LastError);

/// <summary>Failed messages of every module's outbox, oldest first (administrators).</summary>
[AllowedFor(Who.Administrator)]
public sealed record ListFailedMessages(int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedResult<FailedMessage>>;

internal sealed class ListFailedMessagesHandler(ModuleCatalog catalog, IServiceProvider services, MailDbContext db)
    : IRequestHandler<ListFailedMessages, PagedResult<FailedMessage>>
{
    public async Task<PagedResult<FailedMessage>> Handle(ListFailedMessages request, CancellationToken cancellationToken)
    {
        var page = Paging.NormalizePage(request.Page);
        var pageSize = Paging.NormalizePageSize(request.PageSize);
        // Every outbox lives in the one database, so one query reads them all. Schema names come from the modules'
        // own models, never from input.
        var failed = string.Join("\nUNION ALL\n", catalog.Modules.OrderBy(m => m.Name).Select(module =>
        {
            var schema = ((DbContext)services.GetRequiredService(module.DbContextType)).Model.GetDefaultSchema() ?? module.Name;
            return $"""
                SELECT '{schema}' AS "Module", id AS "Id", type AS "Type", occurred_at AS "OccurredAt", attempts AS "Attempts", last_error AS "LastError"
                FROM "{schema}".outbox_messages WHERE status = {(int)OutboxStatus.Failed}
                """;
        }));

#pragma warning disable EF1002
        var total = await db.Database.SqlQueryRaw<int>($"SELECT count(*)::int AS \"Value\" FROM ({failed}) AS f").SingleAsync(cancellationToken);
        var rows = await db.Database.SqlQueryRaw<FailedRow>(
                $"SELECT * FROM ({failed}) AS f ORDER BY \"OccurredAt\", \"Id\" LIMIT {{0}} OFFSET {{1}}",
                pageSize, (long)(page - 1) * pageSize)
            .ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return new PagedResult<FailedMessage>(
            rows.Select(r => new FailedMessage(r.Module, r.Id, r.Type, r.OccurredAt, r.Attempts, r.LastError)).ToList(),
            page, pageSize, total);
    }

    /// <summary>The shape EF reads the query into (settable properties, names as in the SQL).</summary>
    private sealed class FailedRow
    {
        public string Module { get; set; } = "";
        public Guid Id { get; set; }
        public string Type { get; set; } = "";
        public DateTimeOffset OccurredAt { get; set; }
        public int Attempts { get; set; }
        public string? LastError { get; set; }
    }
}
