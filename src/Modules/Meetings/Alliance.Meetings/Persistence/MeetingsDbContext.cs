using Alliance.Meetings.Domain;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Meetings.Persistence;

/// <summary>Schema <c>meetings</c>: series, meetings, agenda, registrations, minutes, polls, calendar feeds, outbox and inbox.</summary>
internal sealed class MeetingsDbContext(DbContextOptions<MeetingsDbContext> options) : DbContext(options)
{
    public const string Schema = "meetings";

    public DbSet<MeetingSeries> Series => Set<MeetingSeries>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaDocument> AgendaDocuments => Set<AgendaDocument>();
    public DbSet<TopicSubmission> Topics => Set<TopicSubmission>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<MinutesAddendum> Addenda => Set<MinutesAddendum>();
    public DbSet<Poll> Polls => Set<Poll>();
    public DbSet<PollVote> PollVotes => Set<PollVote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        builder.AddOutboxAndInbox();

        builder.Entity<MeetingSeries>(series =>
        {
            series.ToTable("series");
            series.Property(s => s.Title).HasMaxLength(200);
            series.Property(s => s.RecurrenceRule).HasMaxLength(500);
            series.Property(s => s.TimeZone).HasMaxLength(64);
            series.Property(s => s.Place).HasMaxLength(300);
            series.Property(s => s.OnlineLink).HasMaxLength(500);
            series.Property(s => s.FeedToken).HasMaxLength(64);
            series.HasIndex(s => s.FeedToken).IsUnique();
            series.Property(s => s.Version).IsRowVersion();
        });

        builder.Entity<Meeting>(meeting =>
        {
            meeting.ToTable("meetings");
            meeting.Property(m => m.Title).HasMaxLength(200);
            meeting.Property(m => m.TimeZone).HasMaxLength(64);
            meeting.Property(m => m.Place).HasMaxLength(300);
            meeting.Property(m => m.OnlineLink).HasMaxLength(500);
            meeting.Property(m => m.MinutesSummary).HasMaxLength(20_000);
            meeting.Property(m => m.Version).IsRowVersion();
            meeting.Ignore(m => m.DisplayTitle);
            // The database, not the job's timing, makes materialisation idempotent (two runs, two hosts).
            meeting.HasIndex(m => new { m.SeriesId, m.OccurrenceStart }).IsUnique();
            meeting.HasIndex(m => new { m.SeriesId, m.Number }).IsUnique();
            meeting.HasIndex(m => m.StartsAt);
            meeting.HasIndex(m => m.LabId);
            meeting.HasOne<MeetingSeries>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Restrict);
            meeting.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgendaItem>(item =>
        {
            item.ToTable("agenda_items");
            item.Property(a => a.Title).HasMaxLength(300);
            item.Property(a => a.Presenter).HasMaxLength(200);
            item.Property(a => a.LabTitle).HasMaxLength(200);
            item.Property(a => a.Notes).HasMaxLength(20_000);
            item.Property(a => a.Version).IsRowVersion();
            item.HasIndex(a => new { a.MeetingId, a.Position });
            item.HasIndex(a => a.LabId);
            item.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgendaDocument>(document =>
        {
            document.ToTable("agenda_documents");
            document.Property(d => d.Name).HasMaxLength(200);
            document.Property(d => d.Url).HasMaxLength(1000);
            document.Property(d => d.ContentType).HasMaxLength(100);
            document.ToTable(t => t.HasCheckConstraint("ck_agenda_documents_size", $"\"SizeBytes\" <= {AgendaDocument.MaxFileBytes}"));
        });

        builder.Entity<TopicSubmission>(topic =>
        {
            topic.ToTable("topic_submissions");
            topic.Property(t => t.Title).HasMaxLength(300);
            topic.Property(t => t.Description).HasMaxLength(4000);
            topic.Property(t => t.SubmitterName).HasMaxLength(200);
            topic.HasIndex(t => t.MeetingId);
            topic.HasIndex(t => t.PersonId);
        });

        builder.Entity<Registration>(registration =>
        {
            registration.ToTable("registrations");
            registration.Property(r => r.PersonName).HasMaxLength(200);
            registration.Property(r => r.OrganizationName).HasMaxLength(200);
            registration.Property(r => r.Email).HasMaxLength(320);
            registration.Property(r => r.Language).HasMaxLength(5);
            registration.HasIndex(r => new { r.MeetingId, r.PersonId }).IsUnique();
            registration.HasIndex(r => new { r.MeetingId, r.Status, r.WaitlistPosition });
            registration.HasIndex(r => r.PersonId);
            registration.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReminderLog>(log =>
        {
            log.ToTable("reminder_log");
            log.HasKey(r => new { r.MeetingId, r.PersonId, r.StartsAt, r.DaysBefore });
        });

        builder.Entity<CalendarFeed>(feed =>
        {
            feed.ToTable("calendar_feeds");
            feed.HasKey(f => f.PersonId);
            feed.Property(f => f.Token).HasMaxLength(64);
            feed.HasIndex(f => f.Token).IsUnique();
        });

        builder.Entity<Decision>(decision =>
        {
            decision.ToTable("decisions");
            decision.Property(d => d.Text).HasMaxLength(4000);
            decision.HasIndex(d => d.MeetingId);
            decision.HasMany(d => d.ActionItems).WithOne().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionItem>(action =>
        {
            action.ToTable("action_items");
            action.Property(a => a.Title).HasMaxLength(500);
            action.Property(a => a.OwnerName).HasMaxLength(200);
            action.HasIndex(a => a.MeetingId);
        });

        builder.Entity<MinutesAddendum>(addendum =>
        {
            addendum.ToTable("minutes_addenda");
            addendum.Property(a => a.Text).HasMaxLength(4000);
            addendum.Property(a => a.AuthorName).HasMaxLength(200);
            addendum.HasIndex(a => a.MeetingId);
            addendum.HasIndex(a => a.AuthorPersonId);
        });

        builder.Entity<Poll>(poll =>
        {
            poll.ToTable("polls");
            poll.Property(p => p.Question).HasMaxLength(500);
            poll.Property(p => p.ResultSummary).HasMaxLength(4000);
            poll.HasIndex(p => p.MeetingId);
        });

        builder.Entity<PollVote>(vote =>
        {
            vote.ToTable("poll_votes");
            // One vote per organisation and poll: the database decides, even for two delegates at once.
            vote.HasIndex(v => new { v.PollId, v.OrganizationId }).IsUnique();
        });
    }
}
