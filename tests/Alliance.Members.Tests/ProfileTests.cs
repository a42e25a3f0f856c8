using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Domain;
using Microsoft.EntityFrameworkCore;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

[Collection(SharedAlliance.Collection)]
public sealed class ProfileTests(AllianceApp app)
{
    private async Task<(HttpClient Client, Guid PersonId)> NewMemberAsync(string email)
    {
        var personId = await InviteNewAsync(app, email);
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(client, await InvitationTokenAsync(app, email, "Einladung"), StrongPassword)).StatusCode);
        return (client, personId);
    }

    [Fact]
    public async Task A_member_edits_their_profile_and_consents_carry_dates()
    {
        var (client, personId) = await NewMemberAsync("profile@example.org");
        using var _ = client;
        var me = await client.GetFromJsonAsync<JsonElement>("/api/members/me");
        Assert.False(me.GetProperty("consentContactByEmail").GetBoolean());

        var saved = await client.PutAsJsonAsync("/api/members/me", new
        {
            firstName = "Petra", lastName = "Kaiser-Lang", phone = "+49 351 123456", function = "Geschäftsführerin", preferredLanguage = "en",
            consentContactByEmail = true, consentNameVisible = false, version = me.GetProperty("version").GetUInt32(),
        });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        // The UI language follows the preferred language.
        Assert.Contains(saved.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));

        var person = await WithDbAsync(app, db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        Assert.Equal("Kaiser-Lang", person.LastName);
        Assert.Equal("en", person.PreferredLanguage);
        Assert.True(person.ConsentContactByEmail);
        Assert.NotNull(person.ConsentContactByEmailAt);
        Assert.Null(person.ConsentNameVisibleAt);

        var again = await client.GetFromJsonAsync<JsonElement>("/api/members/me");
        var withdrawn = await client.PutAsJsonAsync("/api/members/me", new
        {
            firstName = "Petra", lastName = "Kaiser-Lang", preferredLanguage = "de", consentContactByEmail = false, consentNameVisible = false,
            version = again.GetProperty("version").GetUInt32(),
        });
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        person = await WithDbAsync(app, db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        Assert.False(person.ConsentContactByEmail);
        Assert.Null(person.ConsentContactByEmailAt);
    }

    [Fact]
    public async Task A_stale_version_is_a_409()
    {
        var (client, _) = await NewMemberAsync("stale@example.org");
        using var __ = client;
        var me = await client.GetFromJsonAsync<JsonElement>("/api/members/me");
        var version = me.GetProperty("version").GetUInt32();
        var body = new { firstName = "Petra", lastName = "Eins", preferredLanguage = "de", consentContactByEmail = false, consentNameVisible = false, version };

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/members/me", body)).StatusCode);
        var stale = await client.PutAsJsonAsync("/api/members/me", body with { lastName = "Zwei" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Eins", (await client.GetFromJsonAsync<JsonElement>("/api/members/me")).GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_field_errors()
    {
        var (client, _) = await NewMemberAsync("badprofile@example.org");
        using var __ = client;
        var me = await client.GetFromJsonAsync<JsonElement>("/api/members/me");

        var response = await client.PutAsJsonAsync("/api/members/me", new
        {
            firstName = "", lastName = new string('x', 101), phone = "<script>", preferredLanguage = "xx",
            consentContactByEmail = false, consentNameVisible = false, version = me.GetProperty("version").GetUInt32(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        foreach (var field in new[] { "firstName", "lastName", "phone", "preferredLanguage" })
        {
            Assert.True(HasError(problem, field), field);
        }
    }

    [Fact]
    public async Task A_member_changes_their_password()
    {
        var (client, _) = await NewMemberAsync("password@example.org");
        using var __ = client;

        var wrongCurrent = await client.PostAsJsonAsync("/api/members/me/password", new { currentPassword = "falsch", newPassword = "neues-passwort-9", confirmPassword = "neues-passwort-9" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.True(HasError(await ProblemAsync(wrongCurrent), "currentPassword"));

        var weak = await client.PostAsJsonAsync("/api/members/me/password", new { currentPassword = StrongPassword, newPassword = "kurz", confirmPassword = "kurz" });
        Assert.True(HasError(await ProblemAsync(weak), "newPassword"));

        // At most AccountLengths.Password characters (the password fields' maxlength): one more is refused, the
        // longest is taken and signs in.
        var longest = string.Concat(Enumerable.Repeat("neues-passwort-9", 8));
        Assert.Equal(AccountLengths.Password, longest.Length);
        var tooLong = await client.PostAsJsonAsync("/api/members/me/password", new { currentPassword = StrongPassword, newPassword = longest + "x", confirmPassword = longest + "x" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True(HasError(await ProblemAsync(tooLong), "newPassword"));

        var changed = await client.PostAsJsonAsync("/api/members/me/password", new { currentPassword = StrongPassword, newPassword = longest, confirmPassword = longest });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // Still signed in in this browser, and the new password works.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/members/me")).StatusCode);
        using var fresh = await app.SignedInAsync("password@example.org", longest);
    }

    [Fact]
    public async Task Anonymous_callers_have_no_profile()
    {
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/members/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/members/me", new { firstName = "x" })).StatusCode);
    }
}
