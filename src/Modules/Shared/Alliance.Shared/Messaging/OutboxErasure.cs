using Alliance.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Messaging;

/// <summary>
/// One way for a module to forget the copies of an erased person in its own outbox (GDPR Art. 17): delivered events
/// that carry her id, and mails addressed to her (<see cref="EmailRequested.RecipientPersonId"/>) whether delivered or
/// still waiting — a waiting mail to an erased person is not sent. Rows a dispatcher holds right now are left alone
/// (their lease ends soon; the next erasure pass or the retention purge takes them). Other waiting events stay:
/// subscribers still need them and erase what they copied when <c>PersonErased</c> reaches them.
/// </summary>
public static class OutboxErasure
{
    /// <summary>Deletes the rows described above from the outbox table of <paramref name="db"/>; returns how many.</summary>
    public static async Task<int> ForgetPersonAsync(DbContext db, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no outbox.");
        // Schema and table come from the model, never from input; the values go as parameters.
        var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
        var id = personId.ToString();
        string[] mailTypes = [EventNames.Of(typeof(EmailRequested)), EventNames.LegacyNameOf(typeof(EmailRequested))];
#pragma warning disable EF1002 // the table name is the model's; every value is a parameter
        return await db.Database.ExecuteSqlRawAsync(
            $$"""
            DELETE FROM {{table}}
            WHERE (status = {0} AND strpos(payload::text, {1}) > 0)
               OR (type = ANY({2}) AND payload->>'recipientPersonId' = {1}
                   AND (status <> {3} OR locked_until IS NULL OR locked_until < {4}))
            """,
            [(int)OutboxStatus.Delivered, id, mailTypes, (int)OutboxStatus.Pending, now],
            cancellationToken);
#pragma warning restore EF1002
    }
}
