using Alliance.Notifications.Domain;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Notifications.Persistence;

/// <summary>Schema <c>notifications</c>: in-app notifications and each person's choice per kind.</summary>
internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public const string Schema = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        builder.AddOutboxAndInbox();

        builder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(x => x.TextKey).HasMaxLength(Notification.TextKeyLength);
            e.Property(x => x.Link).HasMaxLength(Notification.LinkLength);
            // The list (newest first) and the bell's unread count both start from the person.
            e.HasIndex(x => new { x.PersonId, x.CreatedAt });
            e.HasIndex(x => x.PersonId).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_notifications_unread");
        });

        builder.Entity<NotificationPreference>(e =>
        {
            e.ToTable("preferences");
            e.HasKey(x => new { x.PersonId, x.Kind });
        });
    }
}
