using System.Net;
using System.Net.Http.Json;
using System.Web;
using static Alliance.Members.Tests.AccessHelpers;

namespace Alliance.Members.Tests;

[Collection(SharedAlliance.Collection)]
public sealed class PasswordResetTests(AllianceApp app)
{
    private async Task<string> AccountAsync(string email, string language = "de")
    {
        await InviteNewAsync(app, email, language);
        using var invitee = app.Anonymous();
        var subject = language == "en" ? "Invitation" : "Einladung";
        Assert.Equal(HttpStatusCode.NoContent, (await AcceptAsync(invitee, await InvitationTokenAsync(app, email, subject), StrongPassword)).StatusCode);
        return email;
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once()
    {
        var email = await AccountAsync("reset@example.org");
        using var anonymous = app.Anonymous();

        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/members/account/forgot-password", new { email })).StatusCode);
        var mail = await app.WaitForMailAsync(email, "Passwort zurücksetzen");
        var link = new Uri(LinkIn(mail.TextBody));
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal(email, query["email"]);
        var token = query["token"]!;

        var reset = await anonymous.PostAsJsonAsync("/api/members/account/reset-password", new { email, token, password = "neues-passwort-7", confirmPassword = "neues-passwort-7" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/members/account/login", new { email, password = StrongPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/members/account/login", new { email, password = "neues-passwort-7" })).StatusCode);

        // The security stamp changed with the password: the same link is dead now.
        var reused = await anonymous.PostAsJsonAsync("/api/members/account/reset-password", new { email, token, password = "drittes-passwort-8", confirmPassword = "drittes-passwort-8" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.True(HasError(await ProblemAsync(reused), "token"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/members/account/login", new { email, password = "drittes-passwort-8" })).StatusCode);
    }

    [Fact]
    public async Task The_answer_is_the_same_for_unknown_addresses_and_no_mail_is_queued()
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/members/account/forgot-password", new { email = "nobody@example.org" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await app.MailsToAsync("nobody@example.org"));
    }

    [Fact]
    public async Task The_reset_mail_is_in_the_persons_language()
    {
        var email = await AccountAsync("reset.en@example.org", "en");
        using var anonymous = app.Anonymous();
        await anonymous.PostAsJsonAsync("/api/members/account/forgot-password", new { email });

        var mail = await app.WaitForMailAsync(email, "Reset your password");
        Assert.Contains("Hello", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("culture=en", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_errors()
    {
        var email = await AccountAsync("reset.bad@example.org");
        using var anonymous = app.Anonymous();

        var invalidAddress = await anonymous.PostAsJsonAsync("/api/members/account/forgot-password", new { email = "kein-at-zeichen" });
        Assert.Equal(HttpStatusCode.BadRequest, invalidAddress.StatusCode);
        Assert.True(HasError(await ProblemAsync(invalidAddress), "email"));

        var forged = await anonymous.PostAsJsonAsync("/api/members/account/reset-password", new { email, token = "erfunden", password = "neues-passwort-7", confirmPassword = "neues-passwort-7" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(HasError(await ProblemAsync(forged), "token"));

        await anonymous.PostAsJsonAsync("/api/members/account/forgot-password", new { email });
        var token = HttpUtility.ParseQueryString(new Uri(LinkIn((await app.WaitForMailAsync(email, "Passwort")).TextBody)).Query)["token"];

        var weak = await anonymous.PostAsJsonAsync("/api/members/account/reset-password", new { email, token, password = "abc", confirmPassword = "abc" });
        Assert.True(HasError(await ProblemAsync(weak), "password"));
        var mismatch = await anonymous.PostAsJsonAsync("/api/members/account/reset-password", new { email, token, password = "neues-passwort-7", confirmPassword = "anderes-passwort-7" });
        Assert.True(HasError(await ProblemAsync(mismatch), "confirmPassword"));

        // Nothing changed: the old password still works.
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsJsonAsync("/api/members/account/login", new { email, password = StrongPassword })).StatusCode);
    }
}
