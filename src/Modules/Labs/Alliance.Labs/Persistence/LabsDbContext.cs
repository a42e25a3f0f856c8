using Alliance.Labs.Common;
using Alliance.Labs.Domain;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Persistence;

/// <summary>Schema <c>labs</c>: action fields, labs, memberships, proposals, outcomes, action items, matching, programmes.</summary>
internal sealed class LabsDbContext(DbContextOptions<LabsDbContext> options) : DbContext(options)
{
    public const string Schema = "labs";

    public DbSet<ActionField> ActionFields => Set<ActionField>();
    public DbSet<Lab> Labs => Set<Lab>();
    public DbSet<LabCoordinator> Coordinators => Set<LabCoordinator>();
    public DbSet<LabStatusChange> StatusChanges => Set<LabStatusChange>();
    public DbSet<OrganizationCopy> Organizations => Set<OrganizationCopy>();
    public DbSet<MembershipRequest> MembershipRequests => Set<MembershipRequest>();
    public DbSet<LabMembership> Memberships => Set<LabMembership>();
    public DbSet<TopicProposal> Proposals => Set<TopicProposal>();
    public DbSet<ProposalSupport> Supports => Set<ProposalSupport>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<OutcomeNote> OutcomeNotes => Set<OutcomeNote>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionItemReminder> ActionItemReminders => Set<ActionItemReminder>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<ParticipantStatusChange> ParticipantStatusChanges => Set<ParticipantStatusChange>();
    public DbSet<FollowUpReminder> FollowUpReminders => Set<FollowUpReminder>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        builder.AddOutboxAndInbox();
        // The lab picker's "contains" search (ILIKE '%…%') uses a trigram index; pg_trgm is a trusted extension.
        builder.HasPostgresExtension("pg_trgm");

        builder.Entity<ActionField>(e =>
        {
            e.ToTable("action_fields");
            e.Property(x => x.Title).HasMaxLength(TextLimits.ActionFieldTitle).UseCollation(GermanOrder.Collation);
            e.Property(x => x.Description).HasMaxLength(TextLimits.ActionFieldDescription);
            e.HasIndex(x => x.Title).IsUnique();
        });

        builder.Entity<Lab>(e =>
        {
            e.ToTable("labs");
            e.Property(x => x.Title).HasMaxLength(TextLimits.LabTitle).UseCollation(GermanOrder.Collation);
            e.Property(x => x.Description).HasMaxLength(TextLimits.LabDescription);
            e.Property(x => x.Goals).HasMaxLength(TextLimits.LabGoals);
            e.Property(x => x.Version).IsRowVersion();
            e.HasOne(x => x.ActionField).WithMany().HasForeignKey(x => x.ActionFieldId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Coordinators).WithOne().HasForeignKey(c => c.LabId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.Title).IsUnique();
            e.HasIndex(x => x.Title, "IX_labs_Title_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(x => x.Status);
        });

        builder.Entity<LabCoordinator>(e =>
        {
            e.ToTable("lab_coordinators");
            e.HasKey(x => new { x.LabId, x.PersonId });
            e.HasIndex(x => x.PersonId);
        });

        builder.Entity<LabStatusChange>(e =>
        {
            e.ToTable("lab_status_changes");
            e.HasIndex(x => new { x.LabId, x.ChangedAt });
        });

        builder.Entity<OrganizationCopy>(e =>
        {
            e.ToTable("organizations");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(TextLimits.OrganizationName).UseCollation(GermanOrder.Collation);
        });

        builder.Entity<MembershipRequest>(e =>
        {
            e.ToTable("membership_requests");
            e.Property(x => x.Motivation).HasMaxLength(TextLimits.Motivation);
            e.Property(x => x.DeclineReason).HasMaxLength(TextLimits.DeclineReason);
            e.Property(x => x.Version).IsRowVersion();
            // One open request per organisation and lab: asking twice is refused by the database too.
            e.HasIndex(x => new { x.LabId, x.OrganizationId }).IsUnique().HasFilter("\"Status\" = 0");
            e.HasIndex(x => new { x.LabId, x.Status });
            e.HasIndex(x => x.RequestedByPersonId);
        });

        builder.Entity<LabMembership>(e =>
        {
            e.ToTable("memberships");
            e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            // One current membership per organisation and lab; two approvals at once cannot both insert.
            e.HasIndex(x => new { x.LabId, x.OrganizationId }).IsUnique().HasFilter("\"LeftAt\" IS NULL");
            e.HasIndex(x => x.RequestId).IsUnique();
            e.HasIndex(x => x.OrganizationId);
        });

        builder.Entity<TopicProposal>(e =>
        {
            e.ToTable("proposals");
            e.Property(x => x.Title).HasMaxLength(TextLimits.ProposalTitle).UseCollation(GermanOrder.Collation);
            e.Property(x => x.Description).HasMaxLength(TextLimits.ProposalDescription);
            e.Property(x => x.AnswerReason).HasMaxLength(TextLimits.AnswerReason);
            e.Property(x => x.Version).IsRowVersion();
            e.HasMany(x => x.Supports).WithOne().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => x.Title, "IX_proposals_Title_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(x => x.OrganizationId);
            e.HasIndex(x => x.LabId);
        });

        builder.Entity<ProposalSupport>(e =>
        {
            e.ToTable("proposal_supports");
            e.HasKey(x => new { x.ProposalId, x.OrganizationId });
            e.HasIndex(x => x.OrganizationId);
        });

        builder.Entity<Outcome>(e =>
        {
            e.ToTable("outcomes");
            e.Property(x => x.Title).HasMaxLength(TextLimits.OutcomeTitle).UseCollation(GermanOrder.Collation);
            e.Property(x => x.Description).HasMaxLength(TextLimits.OutcomeDescription);
            e.Property(x => x.Version).IsRowVersion();
            e.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.OutcomeId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.LabId);
            e.ToTable(t => t.HasCheckConstraint("ck_outcomes_percent", "\"Percent\" BETWEEN 0 AND 100"));
        });

        builder.Entity<OutcomeNote>(e =>
        {
            e.ToTable("outcome_notes");
            e.Property(x => x.Text).HasMaxLength(TextLimits.OutcomeNote);
            e.HasIndex(x => new { x.OutcomeId, x.Date });
        });

        builder.Entity<ActionItem>(e =>
        {
            e.ToTable("action_items");
            e.Property(x => x.Title).HasMaxLength(TextLimits.ActionItemTitle);
            e.Property(x => x.MeetingTitle).HasMaxLength(TextLimits.MeetingTitle);
            e.Property(x => x.SourceLink).HasMaxLength(TextLimits.SourceLink);
            e.Property(x => x.Version).IsRowVersion();
            // Each action item of a meeting decision becomes one task, however often its event arrives; a decision
            // with three action items gives three tasks.
            e.HasIndex(x => x.SourceActionItemId).IsUnique().HasFilter("\"SourceActionItemId\" IS NOT NULL");
            e.HasIndex(x => x.DecisionId);
            e.HasIndex(x => new { x.LabId, x.Status });
            e.HasIndex(x => new { x.OwnerPersonId, x.Status });
            e.HasIndex(x => new { x.OwnerOrganizationId, x.Status });
            e.HasIndex(x => new { x.Status, x.DueDate });
        });

        builder.Entity<ActionItemReminder>(e =>
        {
            e.ToTable("action_item_reminders");
            e.HasKey(x => new { x.ActionItemId, x.DueDate });
        });

        builder.Entity<Need>(e =>
        {
            e.ToTable("needs");
            e.Property(x => x.Title).HasMaxLength(TextLimits.NeedTitle).UseCollation(GermanOrder.Collation);
            e.Property(x => x.Description).HasMaxLength(TextLimits.NeedDescription);
            e.Property(x => x.ForWhom).HasMaxLength(TextLimits.ForWhom);
            e.HasIndex(x => new { x.IsClosed, x.CreatedAt });
            e.HasIndex(x => x.OrganizationId);
        });

        builder.Entity<Offer>(e =>
        {
            e.ToTable("offers");
            e.Property(x => x.Title).HasMaxLength(TextLimits.OfferTitle).UseCollation(GermanOrder.Collation);
            e.Property(x => x.Description).HasMaxLength(TextLimits.OfferDescription);
            e.HasIndex(x => new { x.IsClosed, x.CreatedAt });
            // The offer picker's "title contains" search (SearchOffers).
            e.HasIndex(x => x.Title, "IX_offers_Title_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasIndex(x => x.OrganizationId);
        });

        builder.Entity<Match>(e =>
        {
            e.ToTable("matches");
            e.Property(x => x.OutcomeNote).HasMaxLength(TextLimits.MatchNote);
            e.HasOne(x => x.Offer).WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Need).WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.NeedId, x.OfferId }).IsUnique();
            e.HasIndex(x => x.MatchedAt);
        });

        builder.Entity<Participant>(e =>
        {
            e.ToTable("participants");
            e.Property(x => x.Name).HasMaxLength(TextLimits.ParticipantName).UseCollation(GermanOrder.Collation);
            e.Property(x => x.Email).HasMaxLength(TextLimits.ParticipantEmail);
            e.Property(x => x.Note).HasMaxLength(TextLimits.ParticipantNote);
            e.Property(x => x.Version).IsRowVersion();
            e.HasMany(x => x.History).WithOne().HasForeignKey(h => h.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.LabId, x.Status });
            e.HasIndex(x => x.LastContactOn);
            e.HasIndex(x => x.PersonId);
        });

        builder.Entity<ParticipantStatusChange>(e =>
        {
            e.ToTable("participant_status_changes");
            e.Property(x => x.Note).HasMaxLength(TextLimits.ContactNote);
            e.HasIndex(x => new { x.ParticipantId, x.On });
        });

        builder.Entity<FollowUpReminder>(e =>
        {
            e.ToTable("follow_up_reminders");
            e.HasKey(x => new { x.ParticipantId, x.LastContactOn });
        });
    }
}
