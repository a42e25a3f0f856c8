using System.Net;
using System.Net.Http.Json;
using Alliance.Shared.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Notifications.Tests;

/// <summary>
/// Meetings mails registrants itself (with the calendar entry); each mail also shows up in-app, and "in-app only"
/// leaves the mail out — never two mails.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class MeetingNotificationsTests(AllianceApp app)
{
    [Fact]
    public async Task Registration_waitlist_move_up_change_and_cancellation_arrive_in_app_and_the_mail_follows_the_choice()
    {
        var first = await app.CreateRepresentativeAsync("Termin Eins GmbH", "Ida", "Eins", "eins@notify.example");
        var second = await app.CreateRepresentativeAsync("Termin Zwei GmbH", "Zeno", "Zwei", "zwei@notify.example", language: "en");
        var organizations = new List<Guid>();
        foreach (var person in new[] { first, second })
        {
            organizations.Add((await app.SendAsync(new Alliance.Members.Contracts.GetPeopleByIds([person]))).Single().OrganizationId!.Value);
        }

        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        using var ida = await app.SignedInAsync("eins@notify.example");
        using var zeno = await app.SignedInAsync("zwei@notify.example");
        var start = AllianceClock.Today.AddDays(40).AddHours(18);
        var meeting = await (await staff.PostAsJsonAsync("/api/meetings", new
        {
            title = "Glockentreffen", kind = "NetworkMeeting", startsAtLocal = start, endsAtLocal = start.AddHours(2), timeZone = "Europe/Berlin",
            place = "Rathaus", capacity = 1, audience = "ChosenOrganizations", organizationIds = organizations,
        })).CreatedIdAsync();

        // Zeno wants news of the waiting list in Alliance only.
        Assert.Equal(HttpStatusCode.NoContent, (await zeno.PutAsJsonAsync("/api/notifications/preferences",
            new { choices = new[] { new { kind = "RegistrationWaitlisted", mail = false } } })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ida.PostAsJsonAsync($"/api/meetings/{meeting}/registrations", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await zeno.PostAsJsonAsync($"/api/meetings/{meeting}/registrations", new { })).StatusCode);

        Assert.Equal($"/meetings/{meeting}", (await app.WaitForNotificationAsync(first, "RegistrationConfirmed")).Link);
        await app.WaitForNotificationAsync(second, "RegistrationWaitlisted");
        var confirmed = await app.WaitForMailAsync("eins@notify.example", "Anmeldung bestätigt: Glockentreffen");
        Assert.Single(await app.MailsToAsync("eins@notify.example"), m => m.Subject.Contains("Glockentreffen", StringComparison.Ordinal) && m.Subject.Contains("Anmeldung", StringComparison.Ordinal));
        Assert.NotNull(confirmed);
        // The waitlist mail is queued through Meetings' outbox with the event that made the notification: deliver what is left, then look.
        await app.WithScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync("meetings"));
        Assert.DoesNotContain(await app.MailsToAsync("zwei@notify.example"), m => m.Subject.StartsWith("Waitlist: Glockentreffen", StringComparison.Ordinal));
        Assert.Contains(await app.MailsToAsync("zwei@notify.example"), m => m.Subject.Contains("Glockentreffen", StringComparison.Ordinal)); // the invitation

        // A second seat moves Zeno up; then the meeting moves: he hears of both in-app and by mail in English, Ida of the move in German.
        async Task<uint> VersionAsync() => (await staff.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/meetings/{meeting}")).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/meetings/{meeting}/details",
            new { title = "Glockentreffen", capacity = 2, version = await VersionAsync() })).StatusCode);
        Assert.Equal($"/meetings/{meeting}", (await app.WaitForNotificationAsync(second, "RegistrationMovedUp")).Link);
        await app.WaitForMailAsync("zwei@notify.example", "You have a seat now: Glockentreffen");
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PutAsJsonAsync($"/api/meetings/{meeting}/schedule",
            new { startsAtLocal = start.AddDays(1), endsAtLocal = start.AddDays(1).AddHours(2), place = "Rathaus", version = await VersionAsync() })).StatusCode);
        await app.WaitForNotificationAsync(first, "MeetingChanged");
        await app.WaitForNotificationAsync(second, "MeetingChanged");
        await app.WaitForMailAsync("zwei@notify.example", "Rescheduled: Glockentreffen");
        await app.WaitForMailAsync("eins@notify.example", "Geänderter Termin: Glockentreffen");

        // Cancelled: both told in-app; both mailed (Zeno chose in-app only for the waiting list, not for this).
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/meetings/{meeting}/cancel", new { reason = "Raum fehlt" })).StatusCode);
        await app.WaitForNotificationAsync(first, "MeetingCancelled");
        await app.WaitForNotificationAsync(second, "MeetingCancelled");
        await app.WaitForMailAsync("zwei@notify.example", "Cancelled: Glockentreffen");
        await app.WaitForMailAsync("eins@notify.example", "Abgesagt: Glockentreffen");
        Assert.Single(await app.MailsToAsync("zwei@notify.example"), m => m.Subject.StartsWith("Cancelled: Glockentreffen", StringComparison.Ordinal));
    }
}
