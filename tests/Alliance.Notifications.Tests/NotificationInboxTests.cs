using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alliance.Labs.Contracts;

namespace Alliance.Notifications.Tests;

/// <summary>Consent and per-kind choices decide the mail, never the in-app notification; each person sees and marks only their own.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class NotificationInboxTests(AllianceApp app)
{
    [Fact]
    public async Task No_mail_without_consent_or_with_in_app_only_but_the_notification_arrives_for_everyone()
    {
        var everything = await app.CreateRepresentativeAsync("Einstellungen A", "Anna", "Alles", "alles@notify.example", language: "en");
        var noConsent = await app.CreateRepresentativeAsync("Einstellungen B", "Bernd", "Ohne", "ohne@notify.example");
        var inAppOnly = await app.CreateRepresentativeAsync("Einstellungen C", "Clara", "Leise", "leise@notify.example");
        using var bernd = await app.SignedInAsync("ohne@notify.example");
        using var clara = await app.SignedInAsync("leise@notify.example");
        await bernd.SetConsentsAsync(contactByEmail: false, nameVisible: false);

        // The preferences page's API: every kind listed, mail by default; Bernd is told mails are off for lack of consent.
        var defaults = await clara.GetFromJsonAsync<JsonElement>("/api/notifications/preferences");
        Assert.True(defaults.GetProperty("mailConsent").GetBoolean());
        Assert.All(defaults.GetProperty("kinds").EnumerateArray(), k => Assert.True(k.GetProperty("mail").GetBoolean()));
        Assert.Equal(12, defaults.GetProperty("kinds").GetArrayLength());
        Assert.False((await bernd.GetFromJsonAsync<JsonElement>("/api/notifications/preferences")).GetProperty("mailConsent").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await clara.PutAsJsonAsync("/api/notifications/preferences",
            new { choices = new[] { new { kind = "MembershipRequested", mail = false } } })).StatusCode);
        var twice = await clara.PutAsJsonAsync("/api/notifications/preferences",
            new { choices = new[] { new { kind = "MatchMade", mail = false }, new { kind = "MatchMade", mail = true } } });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clara.PutAsJsonAsync("/api/notifications/preferences", new { choices = new[] { new { kind = 99, mail = false } } })).StatusCode);
        var saved = await clara.GetFromJsonAsync<JsonElement>("/api/notifications/preferences");
        Assert.False(saved.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "MembershipRequested").GetProperty("mail").GetBoolean());
        Assert.True(saved.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "MatchMade").GetProperty("mail").GetBoolean());

        await app.PublishAsync(new LabMembershipRequested(Guid.NewGuid(), Guid.NewGuid(), "Stilles Labor", "Lärm GmbH", [everything, noConsent, inAppOnly]));

        await app.WaitForMailAsync("alles@notify.example", "New request to join “Stilles Labor”");
        await app.WaitForNotificationAsync(noConsent, "MembershipRequested");
        await app.WaitForNotificationAsync(inAppOnly, "MembershipRequested");
        await app.FlushNotificationsOutboxAsync();
        Assert.Empty(await app.MailsToAsync("ohne@notify.example"));
        Assert.Empty(await app.MailsToAsync("leise@notify.example"));

        // Another kind still comes by mail to Clara: the choice is per kind.
        await app.PublishAsync(new LabMembershipDecided(Guid.NewGuid(), Guid.NewGuid(), "Stilles Labor", inAppOnly, Approved: true, Reason: null));
        await app.WaitForMailAsync("leise@notify.example", "Willkommen im Reallabor „Stilles Labor“");
    }

    [Fact]
    public async Task People_list_count_and_mark_only_their_own_notifications()
    {
        var mine = await app.CreateRepresentativeAsync("Lesen GmbH", "Lea", "Leser", "lea@notify.example");
        var other = await app.CreateRepresentativeAsync("Fremd GmbH", "Fritz", "Fremd", "fritz@notify.example");
        using var lea = await app.SignedInAsync("lea@notify.example");
        using var fritz = await app.SignedInAsync("fritz@notify.example");

        foreach (var title in new[] { "Erstes Labor", "Zweites Labor", "Drittes Labor" })
        {
            await app.PublishAsync(new LabMembershipDecided(Guid.NewGuid(), Guid.NewGuid(), title, mine, Approved: true, Reason: null));
        }

        await app.PublishAsync(new LabMembershipDecided(Guid.NewGuid(), Guid.NewGuid(), "Fremdes Labor", other, Approved: true, Reason: null));
        await Eventually.Until(async () => (await app.NotificationsOfAsync(mine)).Count == 3, what: "three notifications for Lea");
        var fritzNote = await app.WaitForNotificationAsync(other, "MembershipApproved");

        Assert.Equal(3, (await lea.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count")).GetProperty("count").GetInt32());
        var page = await lea.GetFromJsonAsync<JsonElement>("/api/notifications?pageSize=2");
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.True(items[0].GetProperty("createdAt").GetDateTimeOffset() >= items[1].GetProperty("createdAt").GetDateTimeOffset());
        Assert.DoesNotContain(items, i => i.GetProperty("text").GetString()!.Contains("Fremdes Labor", StringComparison.Ordinal));

        // Someone else's notification does not exist for Lea: 404, and it stays unread.
        Assert.Equal(HttpStatusCode.NotFound, (await lea.PostAsync($"/api/notifications/{fritzNote.Id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Null((await app.NotificationsOfAsync(other)).Single().ReadAt);

        var first = items[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await lea.PostAsync($"/api/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(2, (await lea.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count")).GetProperty("count").GetInt32());
        Assert.NotNull((await app.NotificationsOfAsync(mine)).Single(n => n.Id == first).ReadAt);

        // The bell says it for screen readers, with the count.
        var home = await lea.GetStringAsync("/");
        Assert.Contains("aria-label=\"Benachrichtigungen, 2 ungelesen\"", home, StringComparison.Ordinal);

        var all = await lea.PostAsync("/api/notifications/read-all", null);
        Assert.Equal(2, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(0, (await lea.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count")).GetProperty("count").GetInt32());
        Assert.Contains("aria-label=\"Benachrichtigungen, keine ungelesen\"", await lea.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(1, (await fritz.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count")).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/notifications")).StatusCode);
    }
}
