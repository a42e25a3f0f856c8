using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Mail;

/// <summary>The kernel's mail queue, in schema <c>mail</c>. It subscribes to <see cref="Contracts.EmailRequested"/>.</summary>
public sealed class MailDbContext(DbContextOptions<MailDbContext> options) : DbContext(options)
{
    public const string Schema = "mail";

    public DbSet<EmailMessage> Messages => Set<EmailMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<EmailMessage>(message =>
        {
            message.ToTable("email_messages");
            message.Property(m => m.ToAddress).HasMaxLength(320);
            message.Property(m => m.ToName).HasMaxLength(300);
            message.Property(m => m.Subject).HasMaxLength(500);
            message.Property(m => m.Category).HasMaxLength(100);
            message.HasIndex(m => m.NextAttemptAt).HasFilter("\"Status\" = 0");
            message.HasIndex(m => m.ToAddress);
        });
    }
}
