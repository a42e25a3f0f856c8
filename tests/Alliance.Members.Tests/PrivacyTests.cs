using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Domain;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

[Collection(SharedAlliance.Collection)]
public sealed class PrivacyTests(AllianceApp app)
{
    private async Task<(HttpClient Client, Guid PersonId)> NewMemberAsync(string email)
    {
        var personId = await InviteNewAsync(app, email);
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(client, await InvitationTokenAsync(app, email, "Einladung"), StrongPassword)).StatusCode);
        return (client, personId);
    }

    private async Task<int> ErasedEventsAsync(Guid personId)
    {
        var payloads = await WithDbAsync(app, db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == "members.person-erased").Select(m => m.Payload).ToListAsync());
        return payloads.Count(payload => payload.Contains(personId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_member_downloads_everything_stored_about_them_as_json()
    {
        var (client, personId) = await NewMemberAsync("mydata@example.org");
        using var _ = client;
        var me = await client.GetFromJsonAsync<JsonElement>("/api/members/me");
        await client.PutAsJsonAsync("/api/members/me", new
        {
            firstName = "Petra", lastName = "Kaiser", phone = "0351 1234", function = "Inhaberin", preferredLanguage = "de",
            consentContactByEmail = true, consentNameVisible = true, version = me.GetProperty("version").GetUInt32(),
        });

        var response = await client.GetAsync("/api/members/privacy/my-data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(text).RootElement;
        Assert.Equal(personId, export.GetProperty("personId").GetGuid());
        var members = export.GetProperty("sections").GetProperty("members");
        var person = members.GetProperty("person");
        Assert.Equal("Kaiser", person.GetProperty("lastName").GetString());
        Assert.Equal("0351 1234", person.GetProperty("phone").GetString());
        Assert.Equal("Modehaus Brandt", person.GetProperty("organization").GetString());
        Assert.True(person.GetProperty("consents").GetProperty("contactByEmail").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, person.GetProperty("consents").GetProperty("contactByEmailGivenAt").ValueKind);
        var account = members.GetProperty("account");
        Assert.Equal("mydata@example.org", account.GetProperty("email").GetString());
        Assert.Equal(new[] { "Representative" }, account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.NotEqual(JsonValueKind.Null, account.GetProperty("lastLoginAt").ValueKind);
        var invitation = Assert.Single(members.GetProperty("invitations").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, invitation.GetProperty("usedAt").ValueKind);

        // No secrets: neither the token hash nor the password hash nor the security stamp.
        var stored = await WithDbAsync(app, db => db.Invitations.AsNoTracking().SingleAsync(i => i.PersonId == personId));
        Assert.DoesNotContain(stored.TokenHash, text, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anonymous_callers_get_no_data()
    {
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/members/privacy/my-data")).StatusCode);
    }

    [Fact]
    public async Task Staff_erase_a_person_everywhere_in_one_commit()
    {
        var (client, personId) = await NewMemberAsync("erase.me@example.org");
        using var _ = client;
        var accountId = (await AccountOfAsync(app, personId))!.Id;
        var peopleBefore = await WithDbAsync(app, db => db.People.CountAsync());
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var response = await staff.PostAsync($"/api/members/people/{personId}/erase", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var person = await WithDbAsync(app, db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        Assert.Equal(Person.ErasedName, person.FirstName);
        Assert.Equal(Person.ErasedName, person.LastName);
        Assert.Null(person.Email);
        Assert.Null(person.Phone);
        Assert.Null(person.Function);
        Assert.False(person.ConsentContactByEmail);
        Assert.False(person.ConsentNameVisible);
        Assert.NotNull(person.ErasedAt);
        // The row stays, so counts in reports stay right.
        Assert.Equal(peopleBefore, await WithDbAsync(app, db => db.People.CountAsync()));
        Assert.Null(await AccountOfAsync(app, personId));
        Assert.False(await WithDbAsync(app, db => db.UserRoles.AnyAsync(r => r.UserId == accountId)));
        Assert.False(await WithDbAsync(app, db => db.Invitations.AnyAsync(i => i.PersonId == personId)));
        Assert.Equal(1, await ErasedEventsAsync(personId));
        // The mail log forgot the address (the invitation mail went to it) at once, not after the retention period.
        Assert.Empty(await app.MailsToAsync("erase.me@example.org"));

        // The login is gone: the old cookie no longer finds a person, and the password does not sign in.
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/members/account/login", new { email = "erase.me@example.org", password = StrongPassword })).StatusCode);

        // Erasing twice is a 409: nothing left to do, and nothing is published again.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/members/people/{personId}/erase", null)).StatusCode);
        Assert.Equal(1, await ErasedEventsAsync(personId));
    }

    [Fact]
    public async Task Representatives_and_anonymous_callers_may_not_erase()
    {
        var personId = await InviteNewAsync(app, "keep.me@example.org");
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsync($"/api/members/people/{personId}/erase", null)).StatusCode);

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/members/people/{personId}/erase", null)).StatusCode);

        await Assert.ThrowsAsync<Alliance.Shared.Errors.ForbiddenException>(async () =>
            await app.SendAsync(new Alliance.Members.Privacy.ErasePerson(personId), await app.PrincipalAsync(DemoUsers.Representative)));
        Assert.Null((await WithDbAsync(app, db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId))).ErasedAt);
    }

    [Fact]
    public async Task Staff_may_not_erase_an_administrator_and_nobody_erases_an_unknown_person()
    {
        var adminPerson = await WithDbAsync(app, db => db.Users.Where(u => u.Email == DemoUsers.Administrator).Select(u => u.PersonId).SingleAsync());
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/members/people/{adminPerson}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/api/members/people/{Guid.NewGuid()}/erase", null)).StatusCode);
        Assert.NotNull(await AccountOfAsync(app, adminPerson));
    }
}
