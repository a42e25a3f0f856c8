using Alliance.Members.Domain;
using Alliance.Shared.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Persistence;

/// <summary>Schema <c>members</c>: organisations, people, accounts (Identity), invitations, outbox and inbox.</summary>
internal sealed class MembersDbContext(DbContextOptions<MembersDbContext> options)
    : IdentityDbContext<UserAccount, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "members";

    /// <summary>
    /// PostgreSQL's ICU collation for German: "Bäckerei" sorts before "Buchhandlung" (C/ordinal order puts "ä" after "z").
    /// Names and districts use it, so every sorted list in SQL is in German order.
    /// </summary>
    public const string GermanCollation = "de-DE-x-icu";

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        // Trigram indexes let "contains" searches (ILIKE '%…%') use an index; pg_trgm is a trusted extension (no superuser).
        builder.HasPostgresExtension("pg_trgm");
        builder.AddOutboxAndInbox();

        builder.Entity<Organization>(organization =>
        {
            organization.ToTable("organizations");
            organization.Property(o => o.Name).HasMaxLength(OrganizationLengths.Name).UseCollation(GermanCollation);
            organization.Property(o => o.Sector).HasMaxLength(OrganizationLengths.Sector);
            organization.Property(o => o.District).HasMaxLength(OrganizationLengths.District).UseCollation(GermanCollation);
            organization.Property(o => o.Street).HasMaxLength(OrganizationLengths.Street);
            organization.Property(o => o.PostalCode).HasMaxLength(OrganizationLengths.PostalCode);
            organization.Property(o => o.City).HasMaxLength(OrganizationLengths.City);
            organization.Property(o => o.Website).HasMaxLength(OrganizationLengths.Website);
            organization.Property(o => o.Version).IsRowVersion();
            // Names are unique regardless of case: "Elektro Kaiser GmbH" and "elektro kaiser gmbh" are one organisation.
            organization.Property(o => o.NormalizedName).HasMaxLength(OrganizationLengths.Name);
            organization.HasIndex(o => o.NormalizedName).IsUnique();
            organization.HasIndex(o => o.Name);
            organization.HasIndex(o => o.Name, "IX_organizations_Name_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            organization.HasIndex(o => o.Sector, "IX_organizations_Sector_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
            organization.HasIndex(o => new { o.PartnerGroup, o.IsActive });
            organization.HasIndex(o => o.District);
        });

        builder.Entity<Person>(person =>
        {
            person.ToTable("people");
            person.Property(p => p.FirstName).HasMaxLength(PersonLengths.FirstName).UseCollation(GermanCollation);
            person.Property(p => p.LastName).HasMaxLength(PersonLengths.LastName).UseCollation(GermanCollation);
            person.Property(p => p.Email).HasMaxLength(PersonLengths.Email);
            person.Property(p => p.Phone).HasMaxLength(PersonLengths.Phone);
            person.Property(p => p.Function).HasMaxLength(PersonLengths.Function);
            person.Property(p => p.PreferredLanguage).HasMaxLength(PersonLengths.PreferredLanguage);
            person.Property(p => p.Version).IsRowVersion();
            person.Ignore(p => p.DisplayName);
            person.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            person.HasIndex(p => p.Email).IsUnique().HasFilter("\"Email\" IS NOT NULL");
            person.HasIndex(p => new { p.OrganizationId, p.LastName });
            // The directory's order (last name, first name, id in German collation) over the people who are not erased:
            // a page is an index walk, not a sort of everyone.
            person.HasIndex(p => new { p.LastName, p.FirstName, p.Id }, "IX_people_Directory").HasFilter("\"ErasedAt\" IS NULL");
        });

        builder.Entity<UserAccount>(account =>
        {
            account.HasIndex(a => a.PersonId).IsUnique();
        });

        builder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.Property(i => i.Role).HasMaxLength(50);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.PersonId);
        });
    }
}
