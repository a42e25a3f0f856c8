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
    public async Task People_with_organisations_are_exactly_people_by_ids_and_organisations_by_ids_in_one_ask()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var sparkasse = await app.OrganizationIdAsync("Sparkasse");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var open = await CreatePersonAsync(staff, ("lastName", "Offen" + suffix), ("organizationId", sparkasse), ("consentContactByEmail", true), ("consentNameVisible", true));
        var closed = await CreatePersonAsync(staff, ("lastName", "Verschlossen" + suffix), ("consentContactByEmail", false), ("consentNameVisible", false));
        var erased = await CreatePersonAsync(staff, ("lastName", "Gelöscht" + suffix), ("organizationId", sparkasse), ("consentContactByEmail", true), ("consentNameVisible", true));
        await app.SendAsync(new Alliance.Members.Privacy.ErasePerson(erased), await app.PrincipalAsync(DemoUsers.Staff));
        var staffPerson = await app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().People.Where(p => p.Email == DemoUsers.Staff).Select(p => p.Id).SingleAsync());
        Guid[] ids = [open, closed, erased, staffPerson, open, Guid.NewGuid()];

        var both = await app.SendAsync(new GetPeopleWithOrganizations(ids));

        // The same people, in the same order, with the same names, addresses and consent as GetPeopleByIds gives them
        // (the erased one anonymised, the one without consent without address) …
        Assert.Equal(await app.SendAsync(new GetPeopleByIds(ids)), both.Select(b => b.Person));
        var byId = both.ToDictionary(b => b.Person.Id);
        Assert.True(byId[open].Person is { MayContactByEmail: true, NameVisibleToMembers: true, IsErased: false });
        Assert.True(byId[closed].Person is { MayContactByEmail: false, NameVisibleToMembers: false, OrganizationId: null });
        Assert.True(byId[erased].Person is { IsErased: true, Email: null, MayContactByEmail: false, NameVisibleToMembers: false });
        Assert.True(byId[staffPerson].Person.HasAccount);
        // … each with her organisation as GetOrganizationsByIds gives it, none without one.
        var organizations = (await app.SendAsync(new GetOrganizationsByIds([.. both.Select(b => b.Person.OrganizationId).OfType<Guid>()]))).ToDictionary(o => o.Id);
        Assert.All(both, b => Assert.Equal(b.Person.OrganizationId is { } id ? organizations[id] : null, b.Organization));
        Assert.Equal(PartnerGroup.Company, byId[open].Organization!.PartnerGroup);
        Assert.Null(byId[closed].Organization);
        Assert.Empty(await app.SendAsync(new GetPeopleWithOrganizations([])));
    }

    private static async Task<Guid> CreatePersonAsync(HttpClient staff, params (string, object?)[] fields)
    {
        var response = await staff.PostAsJsonAsync("/api/members/people", DirectoryTestData.PersonBody(fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
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
