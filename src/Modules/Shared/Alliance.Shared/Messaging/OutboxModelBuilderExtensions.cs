using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Messaging;

public static class OutboxModelBuilderExtensions
{
    /// <summary>Maps the outbox and inbox tables into the module's own schema (call after HasDefaultSchema).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id");
            outbox.Property(m => m.Type).HasColumnName("type").HasMaxLength(500);
            outbox.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.Status).HasColumnName("status");
            outbox.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            outbox.Property(m => m.LockedUntil).HasColumnName("locked_until");
            outbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.LastError).HasColumnName("last_error");
            // The dispatcher claims pending rows oldest first; the administrators' list reads failed ones.
            outbox.HasIndex(m => m.OccurredAt, "ix_outbox_pending").HasFilter("status = 0");
            outbox.HasIndex(m => m.OccurredAt, "ix_outbox_failed").HasFilter("status = 2");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.EventId, m.Handler });
            inbox.Property(m => m.EventId).HasColumnName("event_id");
            inbox.Property(m => m.Handler).HasColumnName("handler").HasMaxLength(300);
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });

        return modelBuilder;
    }
}
