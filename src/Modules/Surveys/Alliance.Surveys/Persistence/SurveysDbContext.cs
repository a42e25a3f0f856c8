using System.Text;
using Alliance.Surveys.Domain;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Persistence;

/// <summary>
/// Schema <c>surveys</c>: surveys (waves), sections, questions, options, invitations, responses, answers, drafts,
/// outbox and inbox. Column names are snake_case (<c>series_id</c>, <c>title_de</c>), enums are stored by name
/// (<c>'Published'</c>, <c>'SingleChoice'</c>), so the results' hand-written SQL reads naturally.
/// </summary>
internal sealed class SurveysDbContext(DbContextOptions<SurveysDbContext> options) : DbContext(options)
{
    public const string Schema = "surveys";

    /// <summary>PostgreSQL's ICU collation for German (created by Members' migration where missing).</summary>
    public const string GermanCollation = "de-DE-x-icu";

    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Option> Options => Set<Option>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Draft> Drafts => Set<Draft>();

    /// <summary>
    /// Saves, and keeps <see cref="AnswerTallies"/> right: new responses are stored pending (<see cref="Response.Tallied"/>
    /// false) and folded into the tallies after their commit (<see cref="AnswerTallies.FoldAsync"/>); a survey whose
    /// responses were removed or changed their group is counted afresh in the same transaction, holding the survey's
    /// tally lock from before the change so no fold can interleave. Every writer of response entities (import, demo data,
    /// tests) goes through here, so none can forget it; the submission inserts its response in SQL, pending as well
    /// (<c>Answering/SubmitResponse</c>, one statement instead of one tracked entity per answer).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var responses = ChangeTracker.Entries<Response>().ToList();
        foreach (var added in responses.Where(e => e.State == EntityState.Added))
        {
            added.Entity.Tallied = false;
        }

        var recount = responses
            .Where(e => e.State == EntityState.Deleted || (e.State == EntityState.Modified
                && (e.Property(r => r.PartnerGroup).IsModified || e.Property(r => r.Sector).IsModified || e.Property(r => r.SizeClass).IsModified)))
            .Select(e => e.Entity.SurveyId).Distinct().Order().ToList();
        if (recount.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var survey in recount)
            {
                await AnswerTallies.LockAsync(this, survey, cancellationToken);
            }

            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var survey in recount)
            {
                await AnswerTallies.RebuildAsync(this, survey, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        builder.AddOutboxAndInbox();

        builder.Entity<Survey>(e =>
        {
            e.ToTable("surveys");
            e.Property(x => x.TitleDe).HasMaxLength(TextLimits.Title).UseCollation(GermanCollation);
            e.Property(x => x.TitleEn).HasMaxLength(TextLimits.Title).UseCollation(GermanCollation);
            e.Property(x => x.IntroDe).HasMaxLength(TextLimits.Intro);
            e.Property(x => x.IntroEn).HasMaxLength(TextLimits.Intro);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ResponseUnit).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsRowVersion();
            e.OwnsOne(x => x.Audience, a => a.ToJson("audience"));
            e.HasIndex(x => new { x.SeriesId, x.Wave }).IsUnique();
            e.HasIndex(x => new { x.Status, x.ClosesOn });
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.PreviousWaveId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_surveys_wave", "wave >= 1");
                t.HasCheckConstraint("ck_surveys_dates", "closes_on >= opens_on");
                t.HasCheckConstraint("ck_surveys_min_group_size", "min_group_size >= 3");
            });
        });

        builder.Entity<Section>(e =>
        {
            e.ToTable("sections");
            e.Property(x => x.TitleDe).HasMaxLength(TextLimits.SectionTitle);
            e.Property(x => x.TitleEn).HasMaxLength(TextLimits.SectionTitle);
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SurveyId, x.Position });
        });

        builder.Entity<Question>(e =>
        {
            e.ToTable("questions");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.TextDe).HasMaxLength(TextLimits.QuestionText);
            e.Property(x => x.TextEn).HasMaxLength(TextLimits.QuestionText);
            e.Property(x => x.HelpDe).HasMaxLength(TextLimits.Help);
            e.Property(x => x.HelpEn).HasMaxLength(TextLimits.Help);
            e.Property(x => x.ScaleMinLabelDe).HasMaxLength(TextLimits.ScaleLabel);
            e.Property(x => x.ScaleMinLabelEn).HasMaxLength(TextLimits.ScaleLabel);
            e.Property(x => x.ScaleMaxLabelDe).HasMaxLength(TextLimits.ScaleLabel);
            e.Property(x => x.ScaleMaxLabelEn).HasMaxLength(TextLimits.ScaleLabel);
            e.Property(x => x.NumberMin).HasColumnType("numeric");
            e.Property(x => x.NumberMax).HasColumnType("numeric");
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Section>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Question>().WithMany().HasForeignKey(x => x.ShowIfQuestionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Option>().WithMany().HasForeignKey(x => x.ShowIfOptionId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.SurveyId, x.SectionId, x.Position });
        });

        builder.Entity<Option>(e =>
        {
            e.ToTable("options");
            e.Property(x => x.LabelDe).HasMaxLength(TextLimits.OptionLabel);
            e.Property(x => x.LabelEn).HasMaxLength(TextLimits.OptionLabel);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.QuestionId, x.Position });
        });

        builder.Entity<Invitation>(e =>
        {
            e.ToTable("invitations");
            e.Property(x => x.TokenHash).HasMaxLength(32);
            e.Property(x => x.TokenProtected).HasMaxLength(500);
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.TokenHash).IsUnique();
            // One invitation per organisation, or per person, and survey — publishing twice cannot double them.
            e.HasIndex(x => new { x.SurveyId, x.OrganizationId }).IsUnique().HasFilter("organization_id IS NOT NULL AND person_id IS NULL");
            e.HasIndex(x => new { x.SurveyId, x.PersonId }).IsUnique().HasFilter("person_id IS NOT NULL");
            e.HasIndex(x => x.OrganizationId);
            e.HasIndex(x => x.PersonId);
        });

        builder.Entity<Response>(e =>
        {
            e.ToTable("responses");
            // Random ids (not time-ordered ones), so an anonymous response's id tells nothing about when it came.
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PartnerGroup).HasMaxLength(TextLimits.EnumName);
            e.Property(x => x.Sector).HasMaxLength(TextLimits.Sector);
            e.Property(x => x.SizeClass).HasMaxLength(TextLimits.EnumName);
            e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.SurveyId);
            // The responses waiting to be folded into the tallies: few at any time, found without reading the others.
            e.HasIndex(x => x.SurveyId, "IX_responses_pending").HasFilter("NOT tallied");
            e.HasIndex(x => x.OrganizationId);
            e.HasIndex(x => x.PersonId);
        });

        builder.Entity<Answer>(e =>
        {
            e.ToTable("answers");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.NumberValue).HasColumnType("numeric");
            e.Property(x => x.TextValue).HasMaxLength(TextLimits.LongAnswer);
            e.HasOne<Response>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Option>().WithMany().HasForeignKey(x => x.OptionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Option>().WithMany().HasForeignKey(x => x.RowOptionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.QuestionId, x.OptionId });
            e.HasIndex(x => x.ResponseId);
        });

        builder.Entity<Draft>(e =>
        {
            e.ToTable("drafts");
            e.HasKey(x => x.InvitationId);
            e.Property(x => x.Answers).HasColumnType("jsonb");
            e.HasOne<Invitation>().WithOne().HasForeignKey<Draft>(x => x.InvitationId).OnDelete(DeleteBehavior.Cascade);
        });

        UseSnakeCaseColumns(builder);
    }

    /// <summary>snake_case for this module's own columns; the kernel's outbox and inbox name theirs themselves.</summary>
    private static void UseSnakeCaseColumns(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.ClrType.Namespace != typeof(Survey).Namespace || entity.IsOwned())
            {
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                // The row version is PostgreSQL's system column xmin and keeps that name.
                if (!(property.IsConcurrencyToken && property.ClrType == typeof(uint)))
                {
                    property.SetColumnName(SnakeCase(property.Name));
                }
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
