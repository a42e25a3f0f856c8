using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Contracts;
using Alliance.Members.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>What other modules ask Members through its Contracts (sent as the dispatcher would: nobody signed in).</summary>
[Collection(SharedAlliance.Collection)]
public sealed class MembersContractsTests(AllianceApp app)
{
    [Fact]
    public async Task Organisations_by_ids_come_back_in_one_batch_and_unknown_ids_are_left_out()
    {
        var sparkasse = await app.OrganizationIdAsync("Sparkasse");
        var office = await app.OrganizationIdAsync(DirectoryTestData.OfficeName);

        var found = await app.SendAsync(new GetOrganizationsByIds([sparkasse, office, sparkasse, Guid.NewGuid()]));

        Assert.Equal(2, found.Count);
        var bank = found.Single(o => o.Id == sparkasse);
        Assert.Equal(PartnerGroup.Company, bank.PartnerGroup);
        Assert.Equal(SizeClass.Large, bank.SizeClass);
        Assert.Empty(await app.SendAsync(new GetOrganizationsByIds([])));
    }

    [Fact]
    public async Task People_by_ids_know_who_has_an_account()
    {
        var (staffPerson, other) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MembersDbContext>();
            var withAccount = await db.People.Where(p => p.Email == DemoUsers.Staff).Select(p => p.Id).SingleAsync();
            var without = await db.People.Where(p => p.Email != null && p.Email.EndsWith("@mitglied.example")).Select(p => p.Id).FirstAsync();
            return (withAccount, without);
        });

        var people = await app.SendAsync(new GetPeopleByIds([staffPerson, other, Guid.NewGuid()]));

        Assert.Equal(2, people.Count);
        var jonas = people.Single(p => p.Id == staffPerson);
        Assert.Equal("Jonas Weber", jonas.DisplayName);
        Assert.True(jonas.HasAccount);
        Assert.Equal(DemoUsers.Staff, jonas.Email);
        Assert.False(people.Single(p => p.Id == other).HasAccount);
    }

    [Fact]
    public async Task Member_contacts_are_people_with_e_mail_of_active_organisations_only()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var created = await staff.PostAsJsonAsync("/api/members/organizations", new { name = "Ehemals Mitglied GmbH", partnerGroup = "Company" });
        var former = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var personResponse = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(("organizationId", former)));
        Assert.Equal(HttpStatusCode.Created, personResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/members/organizations/{former}/deactivate", null)).StatusCode);

        var all = await app.SendAsync(new GetMemberContacts(null));
        Assert.True(all.Count >= 80);
        Assert.All(all, p => Assert.False(string.IsNullOrEmpty(p.Email)));
        Assert.DoesNotContain(all, p => p.OrganizationId == former);

        var bakery = await app.OrganizationIdAsync("Bäckerei Krause");
        var onlyBakery = await app.SendAsync(new GetMemberContacts([bakery]));
        Assert.NotEmpty(onlyBakery);
        Assert.All(onlyBakery, p => Assert.Equal(bakery, p.OrganizationId));
        Assert.Empty(await app.SendAsync(new GetMemberContacts([former])));
    }

    [Fact]
    public async Task Active_organisations_are_listed_by_name()
    {
        var active = await app.SendAsync(new GetActiveOrganizations());

        Assert.True(active.Count >= 40);
        Assert.All(active, o => Assert.True(o.IsActive));
        Assert.Equal(active.Count, active.Select(o => o.Id).Distinct().Count());
        Assert.Contains(active, o => o.Name == DirectoryTestData.RepresentativeOrganizationName);
    }

    [Fact]
    public async Task Every_snapshot_carries_a_source_version_that_grows_with_each_change()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var created = await staff.PostAsJsonAsync("/api/members/organizations", new { name = "Versioniert " + Guid.NewGuid().ToString("N")[..8], partnerGroup = "Company" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var change = 0; change < 2; change++)
        {
            var details = await staff.GetJsonAsync($"/api/members/organizations/{id}");
            var update = await staff.PutAsJsonAsync($"/api/members/organizations/{id}", DirectoryTestData.UpdateBody(details, ("sector", $"Sektor {change}")));
            Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/members/organizations/{id}/deactivate", null)).StatusCode);

        var versions = await app.WithScopeAsync(async sp =>
        {
            // The payload is jsonb: filtered here rather than with LIKE in SQL.
            var payloads = await sp.GetRequiredService<MembersDbContext>().Set<Alliance.Shared.Messaging.OutboxMessage>().AsNoTracking()
                .OrderBy(m => m.OccurredAt)
                .Select(m => m.Payload)
                .ToListAsync();
            return payloads.Where(p => p.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase))
                .Select(p => JsonDocument.Parse(p).RootElement.GetProperty("sourceVersion").GetInt64()).ToList();
        });

        // Created, two edits, deactivated: 1, 2, 3, 4 — a subscriber ignores any snapshot not newer than the one it has.
        Assert.Equal(new long[] { 1, 2, 3, 4 }, versions);
    }
}
