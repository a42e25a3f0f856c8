using Alliance.Members.Contracts;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Alliance.Shared.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Members.Demo;

/// <summary>
/// The demo alliance of domain.md on an empty database: organisations of every partner group, their people,
/// and one login per role. The only place in Alliance where made-up data is written.
/// </summary>
internal sealed class MembersDemoSeeder(
    MembersDbContext db,
    UserManager<UserAccount> users,
    RoleManager<IdentityRole<Guid>> roles,
    TimeProvider clock)
{
    public const string DemoPassword = "Allianz-Demo-2026";

    public static readonly (string Email, string Role)[] DemoLogins =
    [
        ("admin@allianz.example", Roles.Administrator),
        ("geschaeftsstelle@allianz.example", Roles.Staff),
        ("vertretung@allianz.example", Roles.Representative),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        if (await db.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var organizations = DemoDirectory.Organizations(now);
        db.Organizations.AddRange(organizations);
        var people = DemoDirectory.People(organizations, now);
        db.People.AddRange(people);
        await db.SaveChangesAsync(cancellationToken);

        var office = organizations.Single(o => o.Name == DemoDirectory.OfficeName);
        await CreateLoginAsync(people, "Sabine", "Albrecht", DemoLogins[0].Email, Roles.Administrator, office.Id, now);
        await CreateLoginAsync(people, "Jonas", "Weber", DemoLogins[1].Email, Roles.Staff, office.Id, now);
        var retail = organizations.Single(o => o.Name == DemoDirectory.RepresentativeOrganizationName);
        await CreateLoginAsync(people, "Thomas", "Brandt", DemoLogins[2].Email, Roles.Representative, retail.Id, now);
    }

    private async Task CreateLoginAsync(List<Person> people, string first, string last, string email, string role, Guid organizationId, DateTimeOffset now)
    {
        var person = people.FirstOrDefault(p => p.Email == email);
        if (person is null)
        {
            person = new Person
            {
                Id = Guid.NewGuid(), FirstName = first, LastName = last, Email = email, OrganizationId = organizationId,
                PreferredLanguage = "de", ConsentContactByEmail = true, ConsentContactByEmailAt = now,
                ConsentNameVisible = true, ConsentNameVisibleAt = now, CreatedAt = now, UpdatedAt = now,
            };
            db.People.Add(person);
            await db.SaveChangesAsync();
        }

        var account = new UserAccount { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id, CreatedAt = now };
        var created = await users.CreateAsync(account, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(account, role);
    }
}
