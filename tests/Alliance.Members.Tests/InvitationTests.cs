using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Members.Invitations;
using Alliance.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

// Own host: it invites people with fixed addresses, which must be new.
public sealed class InvitationTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task Staff_invite_a_new_person_who_sets_a_password_and_is_signed_in()
    {
        var personId = await InviteNewAsync(app, "petra.kaiser@elektro-kaiser.example");

        var mail = await app.WaitForMailAsync("petra.kaiser@elektro-kaiser.example", "Einladung");
        Assert.Contains("Guten Tag Petra Kaiser", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("?culture=de", mail.TextBody, StringComparison.Ordinal);
        var token = TokenIn(mail.TextBody);

        // Only the hash is stored, never the token itself.
        var stored = await WithDbAsync(app, db => db.Invitations.AsNoTracking().SingleAsync(i => i.PersonId == personId));
        Assert.Equal(InvitationTokens.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(7), stored.ExpiresAt - stored.CreatedAt);
        // The expiry in the alliance's wall-clock time, as the staff page shows it — not a UTC day.
        using (Alliance.Shared.Localization.Cultures.Use("de"))
        {
            Assert.Contains($"Der Link gilt bis {Alliance.Shared.Localization.AllianceTime.DateTime(stored.ExpiresAt)} Uhr", mail.TextBody, StringComparison.Ordinal);
        }

        using var invitee = app.Anonymous();
        var view = await invitee.GetFromJsonAsync<JsonElement>($"/api/members/account/invitations/{token}");
        Assert.Equal("Open", view.GetProperty("status").GetString());
        Assert.Equal("Petra Kaiser", view.GetProperty("personName").GetString());

        var accepted = await AcceptAsync(invitee, token, StrongPassword);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);

        // The same client is now signed in as the new representative.
        var me = await invitee.GetFromJsonAsync<JsonElement>("/api/members/me");
        Assert.Equal("Petra", me.GetProperty("firstName").GetString());
        var account = await AccountOfAsync(app, personId);
        Assert.NotNull(account);
        var roles = await WithDbAsync(app, db => db.UserRoles.Where(r => r.UserId == account!.Id).Join(db.Roles, l => l.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal(["Representative"], roles);
        Assert.NotNull((await WithDbAsync(app, db => db.Invitations.AsNoTracking().SingleAsync(i => i.PersonId == personId))).UsedAt);

        // The link works once.
        using var again = app.Anonymous();
        var reused = await AcceptAsync(again, token, StrongPassword);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("Used", (await again.GetFromJsonAsync<JsonElement>($"/api/members/account/invitations/{token}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_invitation_mail_is_in_the_persons_language()
    {
        await InviteNewAsync(app, "emma.clarke@example.org", "en", firstName: "Emma", lastName: "Clarke");

        var mail = await app.WaitForMailAsync("emma.clarke@example.org", "Invitation");
        Assert.Equal("Invitation to the economic alliance", mail.Subject);
        Assert.Contains("Hello Emma Clarke", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("?culture=en", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_nothing_is_stored()
    {
        var personId = await InviteNewAsync(app, "expired@example.org");
        var token = await InvitationTokenAsync(app, "expired@example.org", "Einladung");
        await WithDbAsync(app, async db =>
        {
            var invitation = await db.Invitations.SingleAsync(i => i.PersonId == personId);
            invitation.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        using var invitee = app.Anonymous();
        var response = await AcceptAsync(invitee, token, StrongPassword);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null(await AccountOfAsync(app, personId));
    }

    [Fact]
    public async Task A_new_invitation_revokes_the_older_link()
    {
        var personId = await InviteNewAsync(app, "twice@example.org");
        var first = await InvitationTokenAsync(app, "twice@example.org", "Einladung");

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var second = await staff.PostAsJsonAsync("/api/members/invitations", new { personId, role = "Representative" });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var newest = await Eventually.Until(async () => (await app.MailsToAsync("twice@example.org")).Select(m => TokenIn(m.TextBody)).ToList(),
            tokens => tokens.Count == 2, what: "the second invitation mail");

        using var invitee = app.Anonymous();
        Assert.Equal(HttpStatusCode.Conflict, (await AcceptAsync(invitee, first, StrongPassword)).StatusCode);
        Assert.Null(await AccountOfAsync(app, personId));
        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(invitee, newest.Single(t => t != first), StrongPassword)).StatusCode);
    }

    [Fact]
    public async Task Weak_and_mismatching_passwords_get_field_errors_and_create_no_account()
    {
        var personId = await InviteNewAsync(app, "weak@example.org");
        var token = await InvitationTokenAsync(app, "weak@example.org", "Einladung");
        using var invitee = app.Anonymous();

        var weak = await AcceptAsync(invitee, token, "kurz1");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var weakProblem = await ProblemAsync(weak);
        Assert.Contains("mindestens 10 Zeichen", weakProblem.GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);

        var noDigit = await AcceptAsync(invitee, token, "nurbuchstaben");
        Assert.True(HasError(await ProblemAsync(noDigit), "password"));

        var mismatch = await AcceptAsync(invitee, token, StrongPassword, "something-else-1");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.True(HasError(await ProblemAsync(mismatch), "confirmPassword"));

        Assert.Null(await AccountOfAsync(app, personId));
        Assert.Null((await WithDbAsync(app, db => db.Invitations.AsNoTracking().SingleAsync(i => i.PersonId == personId))).UsedAt);
    }

    [Fact]
    public async Task An_unknown_token_is_a_404()
    {
        using var anonymous = app.Anonymous();
        var response = await AcceptAsync(anonymous, "no-such-token", StrongPassword);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_per_field_errors_and_stores_nothing()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var before = await WithDbAsync(app, db => db.People.CountAsync());

        var response = await staff.PostAsJsonAsync("/api/members/invitations", new
        {
            firstName = " ", lastName = "", email = "not-an-address", preferredLanguage = "fr", organizationId = Guid.NewGuid(), role = "Boss",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        foreach (var field in new[] { "firstName", "lastName", "email", "preferredLanguage", "organizationId", "role" })
        {
            Assert.True(HasError(problem, field), $"expected an error for {field}: {problem}");
        }

        Assert.Equal(before, await WithDbAsync(app, db => db.People.CountAsync()));
    }

    [Fact]
    public async Task An_address_that_already_belongs_to_a_person_is_refused()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.PostAsJsonAsync("/api/members/invitations", new
        {
            firstName = "Thomas", lastName = "Zweiter", email = DemoUsers.Representative.ToUpperInvariant(), preferredLanguage = "de",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(HasError(await ProblemAsync(response), "email"));
    }

    [Fact]
    public async Task A_person_who_already_has_an_account_cannot_be_invited()
    {
        var personId = await WithDbAsync(app, db => db.Users.Where(u => u.Email == DemoUsers.Representative).Select(u => u.PersonId).SingleAsync());
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var response = await staff.PostAsJsonAsync("/api/members/invitations", new { personId, role = "Representative" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Representatives_and_anonymous_callers_may_not_invite()
    {
        var body = new { firstName = "Eva", lastName = "Neu", email = "eva.neu@example.org", preferredLanguage = "de" };
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync("/api/members/invitations", body)).StatusCode);

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/members/invitations", body)).StatusCode);

        // Also through MediatR, where no endpoint policy protects the handler.
        var representativePrincipal = await app.PrincipalAsync(DemoUsers.Representative);
        await Assert.ThrowsAsync<Alliance.Shared.Errors.ForbiddenException>(() =>
            app.SendAsync(new InvitePerson(null, "Eva", "Neu", "eva.neu@example.org", null, "de"), representativePrincipal));
        Assert.False(await WithDbAsync(app, db => db.People.AnyAsync(p => p.Email == "eva.neu@example.org")));
    }

    [Fact]
    public async Task Only_administrators_invite_administrators()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var byStaff = await staff.PostAsJsonAsync("/api/members/invitations", new
        {
            firstName = "Ada", lastName = "Admin", email = "ada@example.org", preferredLanguage = "de", role = "Administrator",
        });
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);

        using var admin = await app.SignedInAsync(DemoUsers.Administrator);
        var byAdmin = await admin.PostAsJsonAsync("/api/members/invitations", new
        {
            firstName = "Ada", lastName = "Admin", email = "ada@example.org", preferredLanguage = "de", role = "Administrator",
        });
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
    }

    [Fact]
    public async Task The_invitation_mail_commits_with_the_invitation()
    {
        var personId = await InviteNewAsync(app, "outbox@example.org");
        var payloads = await WithDbAsync(app, db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == "mail.email-requested").Select(m => m.Payload).ToListAsync());
        Assert.Single(payloads, payload => payload.Contains("outbox@example.org", StringComparison.Ordinal));
        Assert.True(await WithDbAsync(app, db => db.People.AnyAsync(p => p.Id == personId)));
    }

    [Fact]
    public async Task The_invitation_page_prefills_a_known_person_and_404s_an_unknown_one()
    {
        var personId = await InviteNewAsync(app, "prefill@example.org", firstName: "Frieda", lastName: "Vorlage");
        using var staff = await app.SignedInAsync(DemoUsers.Staff);

        var page = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync($"/invitations/new?personId={personId}"));
        Assert.Contains("Frieda Vorlage", page, StringComparison.Ordinal);
        Assert.Contains("prefill@example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"first-name\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/invitations/new?personId={Guid.NewGuid()}")).StatusCode);
    }
}
