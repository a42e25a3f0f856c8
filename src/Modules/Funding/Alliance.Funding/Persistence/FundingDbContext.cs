using System.Text;
using Alliance.Funding.Domain;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Funding.Persistence;

/// <summary>
/// Schema <c>funding</c>: calls, call reminders, applications with partners, work packages, milestones, budget lines,
/// member contributions, transitions (audit trail), grants, reporting periods, expenses, drawdowns, reports; outbox and inbox.
/// snake_case columns, enums by name, every amount numeric(14,2).
/// </summary>
internal sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : DbContext(options)
{
    public const string Schema = "funding";

    /// <summary>PostgreSQL's ICU collation for German (created by Members' migration where missing).</summary>
    public const string GermanCollation = "de-DE-x-icu";

    public DbSet<Call> Calls => Set<Call>();
    public DbSet<CallReminder> CallReminders => Set<CallReminder>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<WorkPackage> WorkPackages => Set<WorkPackage>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<MemberContribution> MemberContributions => Set<MemberContribution>();
    public DbSet<Transition> Transitions => Set<Transition>();
    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();
    public DbSet<Expense> Expenses => Set<Expense>();
    public DbSet<Drawdown> Drawdowns => Set<Drawdown>();
    public DbSet<FunderExport> Exports => Set<FunderExport>();
    public DbSet<ApplicationDocument> Documents => Set<ApplicationDocument>();
    public DbSet<Report> Reports => Set<Report>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        builder.AddOutboxAndInbox();

        builder.Entity<Call>(e =>
        {
            e.ToTable("calls", t =>
            {
                t.HasCheckConstraint("ck_calls_funding_rate", "funding_rate > 0 AND funding_rate <= 100");
                t.HasCheckConstraint("ck_calls_max_amount", "max_amount IS NULL OR max_amount > 0");
            });
            e.Property(x => x.Funder).HasMaxLength(TextLimits.Funder).UseCollation(GermanCollation);
            e.Property(x => x.Programme).HasMaxLength(TextLimits.Programme).UseCollation(GermanCollation);
            e.Property(x => x.Title).HasMaxLength(TextLimits.Title).UseCollation(GermanCollation);
            e.Property(x => x.Link).HasMaxLength(TextLimits.Link);
            e.Property(x => x.Notes).HasMaxLength(TextLimits.Notes);
            e.Property(x => x.FundingRate).HasColumnType("numeric(5,2)");
            e.Property(x => x.FlatRate).HasColumnType("numeric(5,2)");
            e.Property(x => x.MaxAmount).HasColumnType(Money.Column);
            e.Property(x => x.Preset).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsRowVersion();
            e.HasIndex(x => x.SubmissionDeadline);
        });

        builder.Entity<CallReminder>(e =>
        {
            e.ToTable("call_reminders");
            e.HasKey(x => new { x.CallId, x.DaysBefore });
            e.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Application>(e =>
        {
            e.ToTable("applications", t =>
            {
                t.HasCheckConstraint("ck_applications_period", "project_end >= project_start");
                t.HasCheckConstraint("ck_applications_city", "city_contribution >= 0");
            });
            e.Property(x => x.Title).HasMaxLength(TextLimits.Title).UseCollation(GermanCollation);
            e.Property(x => x.Summary).HasMaxLength(TextLimits.Summary);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CityContribution).HasColumnType(Money.Column);
            e.Property(x => x.Version).IsRowVersion();
            e.Ignore(x => x.Years);
            e.HasOne<Call>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.Status);
        });

        builder.Entity<Partner>(e =>
        {
            e.ToTable("partners");
            e.Property(x => x.Role).HasMaxLength(TextLimits.Role);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.OrganizationId }).IsUnique();
            e.HasIndex(x => x.OrganizationId);
        });

        builder.Entity<WorkPackage>(e =>
        {
            e.ToTable("work_packages");
            e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.Number }).IsUnique();
        });

        builder.Entity<Milestone>(e =>
        {
            e.ToTable("milestones");
            e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<WorkPackage>().WithMany().HasForeignKey(x => x.WorkPackageId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.ApplicationId, x.Due });
        });

        builder.Entity<BudgetLine>(e =>
        {
            e.ToTable("budget_lines", t => t.HasCheckConstraint("ck_budget_lines_amount", "amount >= 0"));
            e.Property(x => x.Category).HasMaxLength(TextLimits.Category);
            e.Property(x => x.Amount).HasColumnType(Money.Column);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.Year, x.Category }).IsUnique();
        });

        builder.Entity<MemberContribution>(e =>
        {
            e.ToTable("member_contributions", t => t.HasCheckConstraint("ck_member_contributions_amount", "amount > 0"));
            e.Property(x => x.Amount).HasColumnType(Money.Column);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.OrganizationId }).IsUnique();
            e.HasIndex(x => x.OrganizationId);
        });

        builder.Entity<Transition>(e =>
        {
            e.ToTable("transitions");
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ByName).HasMaxLength(TextLimits.PersonName);
            e.Property(x => x.Comment).HasMaxLength(TextLimits.Comment);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.At });
            e.HasIndex(x => x.ByPersonId);
        });

        builder.Entity<Grant>(e =>
        {
            e.ToTable("grants", t => t.HasCheckConstraint("ck_grants_amount", "amount >= 0"));
            e.HasKey(x => new { x.ApplicationId, x.Year });
            e.Property(x => x.Amount).HasColumnType(Money.Column);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportingPeriod>(e =>
        {
            e.ToTable("reporting_periods", t => t.HasCheckConstraint("ck_reporting_periods_dates", "\"to\" >= \"from\" AND due >= \"to\""));
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.From });
        });

        builder.Entity<Expense>(e =>
        {
            e.ToTable("expenses", t => t.HasCheckConstraint("ck_expenses_amount", "amount > 0"));
            e.Property(x => x.Category).HasMaxLength(TextLimits.Category);
            e.Property(x => x.Amount).HasColumnType(Money.Column);
            e.Property(x => x.Description).HasMaxLength(TextLimits.Description);
            e.Property(x => x.ReceiptReference).HasMaxLength(TextLimits.Receipt);
            e.Property(x => x.Payee).HasMaxLength(TextLimits.Payee);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.Year, x.Category });
            e.HasIndex(x => new { x.ApplicationId, x.Date });
        });

        builder.Entity<Drawdown>(e =>
        {
            e.ToTable("drawdowns", t => t.HasCheckConstraint("ck_drawdowns_amount", "amount > 0"));
            e.Property(x => x.Amount).HasColumnType(Money.Column);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.Date });
        });

        builder.Entity<FunderExport>(e =>
        {
            e.ToTable("exports", t => t.HasCheckConstraint("ck_exports_progress", "progress BETWEEN 0 AND 100"));
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Language).HasMaxLength(5);
            e.Property(x => x.RequestedByName).HasMaxLength(TextLimits.PersonName);
            e.Property(x => x.FileName).HasMaxLength(TextLimits.FileName);
            e.Property(x => x.ContentType).HasMaxLength(TextLimits.ContentType);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.RequestedAt });
            e.HasIndex(x => x.RequestedByPersonId);
            e.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApplicationDocument>(e =>
        {
            e.ToTable("documents", t => t.HasCheckConstraint("ck_documents_size", $"size_bytes > 0 AND size_bytes <= {ApplicationDocument.MaxFileBytes}"));
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.FileName).HasMaxLength(TextLimits.FileName);
            e.Property(x => x.ContentType).HasMaxLength(TextLimits.ContentType);
            e.Property(x => x.AddedByName).HasMaxLength(TextLimits.PersonName);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ApplicationId, x.AddedAt });
            e.HasIndex(x => x.AddedByPersonId);
        });

        builder.Entity<Report>(e =>
        {
            e.ToTable("reports");

            // One report per reporting period: drafting twice for a period meets this key.
            e.HasKey(x => x.ReportingPeriodId);
            e.HasOne<ReportingPeriod>().WithOne().HasForeignKey<Report>(x => x.ReportingPeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Application>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Figures).HasColumnType("jsonb");
            e.Property(x => x.WorkDone).HasColumnType("jsonb");
            e.Property(x => x.Goals).HasMaxLength(TextLimits.Narrative);
            e.Property(x => x.Results).HasMaxLength(TextLimits.Narrative);
            e.Property(x => x.Deviations).HasMaxLength(TextLimits.Narrative);
            e.Property(x => x.Outlook).HasMaxLength(TextLimits.Narrative);
            e.Property(x => x.Refresh).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SubmittedByName).HasMaxLength(TextLimits.PersonName);
            e.Property(x => x.Version).IsRowVersion();
            e.HasIndex(x => x.ApplicationId);
            e.HasIndex(x => x.SubmittedByPersonId);
        });

        UseSnakeCaseColumns(builder);
    }

    /// <summary>snake_case for this module's own columns; the kernel's outbox and inbox name theirs themselves.</summary>
    private static void UseSnakeCaseColumns(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.ClrType.Namespace != typeof(Call).Namespace || entity.IsOwned())
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
