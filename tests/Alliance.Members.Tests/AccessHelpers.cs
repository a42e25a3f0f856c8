using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alliance.Members.Domain;
using Alliance.Members.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Members.Tests;

/// <summary>Shared steps of the access tests: inviting through the real API and reading the link from the queued mail.</summary>
internal static partial class AccessHelpers
{
    public const string StrongPassword = "sonnenblume-2026";

    public static async Task<Guid> OrganizationIdAsync(AllianceApp app, string name = "Modehaus Brandt") =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<MembersDbContext>().Organizations
            .Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>Staff invite a new person; returns the person id.</summary>
    public static async Task<Guid> InviteNewAsync(AllianceApp app, string email, string language = "de", string role = "Representative", string firstName = "Petra", string lastName = "Kaiser")
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var response = await staff.PostAsJsonAsync("/api/members/invitations", new
        {
            firstName, lastName, email, organizationId = await OrganizationIdAsync(app), preferredLanguage = language, role,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var personId = body.GetProperty("personId").GetGuid();
        // The invitation is read through its token only; the Location is the invited person, which staff read.
        Assert.Equal($"/api/members/people/{personId}", response.Headers.Location!.OriginalString);
        var person = await staff.GetFromJsonAsync<JsonElement>(response.Headers.Location.OriginalString);
        Assert.Equal(email, person.GetProperty("email").GetString());
        return personId;
    }

    /// <summary>The token in the newest invitation mail to the address.</summary>
    public static async Task<string> InvitationTokenAsync(AllianceApp app, string email, string subjectPart)
    {
        var mail = await app.WaitForMailAsync(email, subjectPart);
        return TokenIn(mail.TextBody);
    }

    public static string TokenIn(string body) => InvitationLink().Match(body) is { Success: true } match
        ? match.Groups["token"].Value
        : throw new InvalidOperationException("No invitation link in: " + body);

    public static string LinkIn(string body) => AbsoluteLink().Match(body) is { Success: true } match
        ? match.Value
        : throw new InvalidOperationException("No link in: " + body);

    public static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string password, string? confirm = null) =>
        client.PostAsJsonAsync($"/api/members/account/invitations/{token}/accept", new { password, confirmPassword = confirm ?? password });

    public static Task<T> WithDbAsync<T>(AllianceApp app, Func<MembersDbContext, Task<T>> action) =>
        app.WithScopeAsync(sp => action(sp.GetRequiredService<MembersDbContext>()));

    public static Task<UserAccount?> AccountOfAsync(AllianceApp app, Guid personId) =>
        WithDbAsync(app, db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.PersonId == personId));

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static bool HasError(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);

    [GeneratedRegex("/account/invitation/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex AbsoluteLink();
}
