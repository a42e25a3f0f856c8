using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Tests.Support;

/// <summary>
/// Extra people with logins for journeys that need more than the demo logins (e.g. Ms Kaiser of Elektro Kaiser
/// GmbH, a teacher of a school). Written straight into Members, as the invitation flow would leave them.
/// </summary>
public static class TestAccounts
{
    /// <summary>Creates (or reuses) the organisation and a representative with a login; returns the person id.</summary>
    public static Task<Guid> CreateRepresentativeAsync(
        this AllianceApp app, string organization, string firstName, string lastName, string email,
        PartnerGroup group = PartnerGroup.Company, string language = "de") =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MembersDbContext>();
            var now = DateTimeOffset.UtcNow;
            var org = await db.Organizations.FirstOrDefaultAsync(o => o.NormalizedName == Organization.Normalize(organization));
            if (org is null)
            {
                org = new Organization { Id = Guid.NewGuid(), Name = organization, PartnerGroup = group, CreatedAt = now, UpdatedAt = now };
                db.Organizations.Add(org);
            }

            var person = new Person
            {
                Id = Guid.NewGuid(), FirstName = firstName, LastName = lastName, Email = email, OrganizationId = org.Id, PreferredLanguage = language,
                ConsentContactByEmail = true, ConsentContactByEmailAt = now, ConsentNameVisible = true, ConsentNameVisibleAt = now, CreatedAt = now, UpdatedAt = now,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();

            var users = sp.GetRequiredService<UserManager<UserAccount>>();
            var account = new UserAccount { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id, CreatedAt = now };
            var created = await users.CreateAsync(account, DemoUsers.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(account, Roles.Representative);
            return person.Id;
        });
}
