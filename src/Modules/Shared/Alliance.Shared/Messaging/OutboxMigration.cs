using Microsoft.EntityFrameworkCore.Migrations;

namespace Alliance.Shared.Messaging;

/// <summary>Data steps the modules' outbox migrations share (the outbox mapping itself is shared too).</summary>
public static class OutboxMigration
{
    /// <summary>
    /// Gives rows stored before the outbox had a status the status they have in fact: delivered if they were
    /// processed, failed if they had used up their attempts (so administrators see them), pending otherwise.
    /// </summary>
    public static void SetStatusOfExistingRows(this MigrationBuilder migrationBuilder, string schema) =>
        migrationBuilder.Sql($"""
            UPDATE "{schema}".outbox_messages SET status = {(int)OutboxStatus.Delivered} WHERE processed_at IS NOT NULL;
            UPDATE "{schema}".outbox_messages SET status = {(int)OutboxStatus.Failed}
                WHERE processed_at IS NULL AND attempts >= {OutboxDispatcher.MaxAttempts};
            """);
}
