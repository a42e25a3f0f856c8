using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Contracts;
using Alliance.Notifications.Persistence;
using System.Security.Claims;
using Alliance.Shared.Contracts;
using Alliance.Shared.Messaging;
using Alliance.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Notifications.Tests;

/// <summary>Shared steps: finding the demo lab, reading notifications and mails, changing consents through the API.</summary>
internal static class NotificationsTestData
{
    /// <summary>The demo lab "Handel der Zukunft", coordinated by Thomas Brandt (the demo representative, German).</summary>
    public static async Task<Guid> RetailLabAsync(this AllianceApp app) =>
        (await app.SendAsync(new GetLabs())).Single(l => l.Title == "Handel der Zukunft").Id;

    /// <summary>A person's in-app notifications as stored (newest first).</summary>
    public static Task<List<Domain.Notification>> NotificationsOfAsync(this AllianceApp app, Guid personId) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Notifications.AsNoTracking()
            .Where(n => n.PersonId == personId).OrderByDescending(n => n.CreatedAt).ToListAsync());

    /// <summary>Waits until the person has a notification with this text key.</summary>
    public static Task<Domain.Notification> WaitForNotificationAsync(this AllianceApp app, Guid personId, string textKey) =>
        Eventually.Until(async () => (await app.NotificationsOfAsync(personId)).FirstOrDefault(n => n.TextKey == textKey),
            n => n is not null, what: $"a notification {textKey} for {personId}")!;

    /// <summary>Delivers what the notifications module queued (mails) now, so an absent mail is really absent.</summary>
    public static Task<int> FlushNotificationsOutboxAsync(this AllianceApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync(NotificationsDbContext.Schema));

    /// <summary>Sets the signed-in person's consents through the profile API (as the profile page does).</summary>
    public static async Task SetConsentsAsync(this HttpClient client, bool contactByEmail, bool nameVisible)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/api/members/me");
        var response = await client.PutAsJsonAsync("/api/members/me", new
        {
            firstName = me.GetProperty("firstName").GetString(),
            lastName = me.GetProperty("lastName").GetString(),
            preferredLanguage = me.GetProperty("preferredLanguage").GetString(),
            consentContactByEmail = contactByEmail,
            consentNameVisible = nameVisible,
            version = me.GetProperty("version").GetUInt32(),
        });
        response.EnsureSuccessStatusCode();
    }

    public static async Task<Guid> CreatedIdAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The person id in a signed-in principal.</summary>
    public static Guid PersonId(this ClaimsPrincipal user) => Guid.Parse(user.FindFirst(AllianceClaimTypes.PersonId)!.Value);

    /// <summary>
    /// Puts an integration event into the notifications module's outbox, as a publishing module would put it into
    /// its own: the dispatcher delivers it to the subscribers.
    /// </summary>
    public static Task PublishAsync(this AllianceApp app, IntegrationEvent integrationEvent) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            db.AddIntegrationEvent(integrationEvent, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
}
