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
            series.Property(s => s.Title).HasMaxLength(TextLimits.MeetingTitle);
            series.Property(s => s.RecurrenceRule).HasMaxLength(TextLimits.RecurrenceRule);
            series.Property(s => s.TimeZone).HasMaxLength(TextLimits.TimeZone);
            series.Property(s => s.Place).HasMaxLength(TextLimits.Place);
            series.Property(s => s.OnlineLink).HasMaxLength(TextLimits.Link);
            series.Property(s => s.FeedToken).HasMaxLength(64);
            series.HasIndex(s => s.FeedToken).IsUnique();
            series.Property(s => s.Version).IsRowVersion();
        });

        builder.Entity<Meeting>(meeting =>
        {
            meeting.ToTable("meetings");
            meeting.Property(m => m.Title).HasMaxLength(TextLimits.MeetingTitle);
            meeting.Property(m => m.TimeZone).HasMaxLength(TextLimits.TimeZone);
            meeting.Property(m => m.Place).HasMaxLength(TextLimits.Place);
            meeting.Property(m => m.OnlineLink).HasMaxLength(TextLimits.Link);
            meeting.Property(m => m.MinutesSummary).HasMaxLength(20_000);
            meeting.Property(m => m.Version).IsRowVersion();
            meeting.Ignore(m => m.DisplayTitle);
            // The database, not the job's timing, makes materialisation idempotent (two runs, two hosts).
            meeting.HasIndex(m => new { m.SeriesId, m.OccurrenceStart }).IsUnique();
            meeting.HasIndex(m => new { m.SeriesId, m.Number }).IsUnique();
            meeting.HasIndex(m => m.StartsAt);
            // Upcoming and past lists and their counts filter on the end ("EndsAt >= now").
            meeting.HasIndex(m => m.EndsAt);
            meeting.HasIndex(m => m.LabId);
            meeting.HasOne<MeetingSeries>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Restrict);
            meeting.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgendaItem>(item =>
        {
            item.ToTable("agenda_items");
            item.Property(a => a.Title).HasMaxLength(TextLimits.AgendaTitle);
            item.Property(a => a.Presenter).HasMaxLength(TextLimits.Presenter);
            item.Property(a => a.LabTitle).HasMaxLength(TextLimits.LabTitle);
            item.Property(a => a.Notes).HasMaxLength(TextLimits.Notes);
            item.Property(a => a.Version).IsRowVersion();
            item.HasIndex(a => new { a.MeetingId, a.Position });
            item.HasIndex(a => a.LabId);
            item.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgendaDocument>(document =>
        {
            document.ToTable("agenda_documents");
            document.Property(d => d.Name).HasMaxLength(TextLimits.DocumentName);
            document.Property(d => d.Url).HasMaxLength(TextLimits.DocumentUrl);
            document.Property(d => d.ContentType).HasMaxLength(TextLimits.ContentType);
            document.ToTable(t => t.HasCheckConstraint("ck_agenda_documents_size", $"\"SizeBytes\" <= {AgendaDocument.MaxFileBytes}"));
        });

        builder.Entity<TopicSubmission>(topic =>
        {
            topic.ToTable("topic_submissions");
            topic.Property(t => t.Title).HasMaxLength(TextLimits.AgendaTitle);
            topic.Property(t => t.Description).HasMaxLength(TextLimits.TopicDescription);
            topic.Property(t => t.SubmitterName).HasMaxLength(TextLimits.PersonName);
            topic.HasIndex(t => t.MeetingId);
            topic.HasIndex(t => t.PersonId);
        });

        builder.Entity<Registration>(registration =>
        {
            registration.ToTable("registrations");
            registration.Property(r => r.PersonName).HasMaxLength(TextLimits.PersonName);
            registration.Property(r => r.OrganizationName).HasMaxLength(TextLimits.OrganizationName);
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
            decision.Property(d => d.Text).HasMaxLength(TextLimits.DecisionText);
            decision.HasIndex(d => d.MeetingId);
            decision.HasMany(d => d.ActionItems).WithOne().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionItem>(action =>
        {
            action.ToTable("action_items");
            action.Property(a => a.Title).HasMaxLength(TextLimits.ActionItemTitle);
            action.Property(a => a.OwnerName).HasMaxLength(TextLimits.OwnerName);
            action.HasIndex(a => a.MeetingId);
        });

        builder.Entity<MinutesAddendum>(addendum =>
        {
            addendum.ToTable("minutes_addenda");
            addendum.Property(a => a.Text).HasMaxLength(TextLimits.AddendumText);
            addendum.Property(a => a.AuthorName).HasMaxLength(TextLimits.PersonName);
            addendum.HasIndex(a => a.MeetingId);
            addendum.HasIndex(a => a.AuthorPersonId);
        });

        builder.Entity<Poll>(poll =>
        {
            poll.ToTable("polls");
            poll.Property(p => p.Question).HasMaxLength(TextLimits.PollQuestion);
            poll.Property(p => p.ResultSummary).HasMaxLength(TextLimits.PollResultSummary);
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
