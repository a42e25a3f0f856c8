using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Shared.Mail;

/// <summary>
/// The kernel's tables, in schema <c>mail</c>: the mail queue (it subscribes to <see cref="Contracts.EmailRequested"/>)
/// and the Data Protection key ring.
/// </summary>
public sealed class MailDbContext(DbContextOptions<MailDbContext> options) : DbContext(options)
{
    public const string Schema = "mail";

    public DbSet<EmailMessage> Messages => Set<EmailMessage>();

    /// <summary>Files sent with queued mails.</summary>
    public DbSet<EmailMessageAttachment> Attachments => Set<EmailMessageAttachment>();

    /// <summary>The Data Protection key ring (see <see cref="Security.DatabaseXmlRepository"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<EmailMessage>(message =>
        {
            message.ToTable("email_messages");
            message.Property(m => m.ToAddress).HasMaxLength(320);
            message.Property(m => m.ToName).HasMaxLength(EmailMessage.MaxToNameLength);
            message.Property(m => m.Subject).HasMaxLength(EmailMessage.MaxSubjectLength);
            message.Property(m => m.Category).HasMaxLength(100);
            message.HasIndex(m => m.NextAttemptAt).HasFilter("\"Status\" = 0");
            message.HasIndex(m => m.ToAddress);
            message.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EmailMessageAttachment>(attachment =>
        {
            attachment.ToTable("email_attachments");
            attachment.Property(a => a.FileName).HasMaxLength(EmailAttachment.MaxFileNameLength);
            attachment.Property(a => a.ContentType).HasMaxLength(EmailAttachment.MaxContentTypeLength);
            attachment.HasIndex(a => new { a.MessageId, a.Position }).IsUnique();
        });
        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
