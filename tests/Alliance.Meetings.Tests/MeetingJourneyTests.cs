using Alliance.Meetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Meetings.Tests;

/// <summary>Journeys 3 (meeting series, registration) and 4 (meeting day: check-in, poll, minutes) in Chromium, German and English.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class MeetingJourneyTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("de", "Neue Reihe", "Anmelden", "angemeldet")]
    [InlineData("en", "New series", "Register", "registered")]
    public async Task Journey_3_series_invitation_and_registration(string language, string newSeries, string register, string registered)
    {
        var staff = await SignInAsync(DemoUsers.Staff, language);
        await staff.GotoAsync("/meetings");
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "8. Allianztreffen" }).First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(staff, $"journey-3-{language}-01-meetings");

        await staff.GetByRole(AriaRole.Link, new() { Name = newSeries }).ClickAsync();
        await staff.FillAsync("#title", $"Quartalsrunde {language}");
        await staff.FillAsync("#capacity", "0");
        await staff.FillAsync("#place", "Lokschuppen");
        await staff.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(staff.Locator("#capacity-error")).Not.ToBeEmptyAsync();
        await Browser.ScreenshotAsync(staff, $"journey-3-{language}-02-series-invalid");
        await staff.FillAsync("#capacity", "60");
        await staff.Locator("form button[type=submit]").Last.ClickAsync();
        await staff.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/meetings/series/[0-9a-f-]{36}$"));
        Assert.True(await MeetingScenario.DbAsync(app, db => db.Series.AnyAsync(s => s.Title == $"Quartalsrunde {language}")));
        Assert.True(await MeetingScenario.DbAsync(app, db => db.Meetings.AnyAsync(m => m.Title == $"Quartalsrunde {language}")));

        var eighth = await MeetingScenario.DbAsync(app, db => db.Meetings.Where(m => m.Number == 8 && m.Title == "Allianztreffen").Select(m => m.Id).SingleAsync());
        var representative = await SignInAsync(DemoUsers.Representative, language);
        await representative.GotoAsync($"/meetings/{eighth}");
        await Assertions.Expect(representative.Locator("h1")).ToHaveTextAsync("8. Allianztreffen");
        await Assertions.Expect(representative.Locator("dd").First).ToContainTextAsync("18:00");
        await representative.GetByRole(AriaRole.Button, new() { Name = register, Exact = true }).ClickAsync();
        await Assertions.Expect(representative.Locator("#my-status")).ToContainTextAsync(registered);
        await Browser.ScreenshotAsync(representative, $"journey-3-{language}-03-registered");

        var ics = await representative.APIRequest.GetAsync($"/api/meetings/{eighth}/ics");
        Assert.Contains("TZID=Europe/Berlin", await ics.TextAsync());
        // A destructive action asks first (ConfirmSubmit): open the question, then confirm.
        await representative.Locator("#cancel").ClickAsync();
        await representative.GetByRole(AriaRole.Button, new() { Name = language == "de" ? "Anmeldung stornieren" : "Cancel registration" }).ClickAsync();
        await Assertions.Expect(representative.GetByRole(AriaRole.Button, new() { Name = register, Exact = true })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("de", "Einchecken", "Stimme abgeben", "Protokoll freigeben", "Freigegeben")]
    [InlineData("en", "Check in", "Vote", "Approve minutes", "Approved")]
    public async Task Journey_4_meeting_day_check_in_poll_decision_and_locked_minutes(string language, string checkIn, string vote, string approve, string approved)
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 60);
        var staffPrincipal = await app.PrincipalAsync(DemoUsers.Staff);
        await app.SendAsync(new Agenda.AddAgendaItem(meetingId, "Wie geht es weiter? Modelle der Zusammenarbeit", "Geschäftsstelle", 40), staffPrincipal);
        await app.SendAsync(new Registrations.Register(meetingId, await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative)), staffPrincipal);

        var staff = await SignInAsync(DemoUsers.Staff, language);
        await staff.GotoAsync($"/meetings/{meetingId}/checkin?search=Brandt");
        await staff.Locator("tr:has-text('Thomas Brandt')").GetByRole(AriaRole.Button, new() { Name = checkIn, Exact = true }).ClickAsync();
        await Assertions.Expect(staff.Locator("tr:has-text('Thomas Brandt') .badge")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(staff, $"journey-4-{language}-01-checkin");

        await staff.GotoAsync($"/meetings/{meetingId}/minutes");
        await staff.FillAsync("#poll-question", "Welches Modell der Zusammenarbeit?");
        await staff.FillAsync("#poll-options", "Stammtisch\nVerbund mit Geschäftsstelle\nVerein\nGmbH");
        await staff.Locator("form:has(#poll-question) button[type=submit]").ClickAsync();
        await Assertions.Expect(staff.Locator(".badge.text-bg-info")).ToHaveCountAsync(1);

        var representative = await SignInAsync(DemoUsers.Representative, language);
        await representative.GotoAsync($"/meetings/{meetingId}");
        await representative.GetByLabel("Verbund mit Geschäftsstelle").CheckAsync();
        await representative.GetByRole(AriaRole.Button, new() { Name = vote, Exact = true }).ClickAsync();
        await Assertions.Expect(representative.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(representative, $"journey-4-{language}-02-vote");

        await staff.GotoAsync($"/meetings/{meetingId}/minutes");
        await staff.Locator("form:has-text('" + (language == "de" ? "Abstimmung schließen" : "Close poll") + "') button").First.ClickAsync();
        await Assertions.Expect(staff.Locator(".badge.text-bg-info")).ToHaveCountAsync(0);
        await staff.FillAsync("#decision-text", "Die Allianz wird als Verbund mit Geschäftsstelle fortgeführt");
        await staff.FillAsync("#action-title", "Konzept für die weitere Zusammenarbeit vorlegen");
        await Pickers.ChooseAsync(staff, "action-owner", "Wirtschaftsförderung", "Amt für Wirtschaftsförderung");
        await staff.FillAsync("#action-due", $"{AllianceClock.Today.Year + 1}-09-30");
        await staff.Locator("form:has(#decision-text) button.btn-primary[type=submit]").ClickAsync();
        await Assertions.Expect(staff.Locator(".border-success")).ToContainTextAsync("Konzept für die weitere Zusammenarbeit vorlegen");
        await Browser.ScreenshotAsync(staff, $"journey-4-{language}-03-minutes");
        await staff.GetByRole(AriaRole.Button, new() { Name = approve }).ClickAsync();
        await Assertions.Expect(staff.Locator("#minutes-status")).ToContainTextAsync(approved);
        await Assertions.Expect(staff.Locator("#decision-text")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(staff, $"journey-4-{language}-04-approved");

        var meeting = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(MinutesStatus.Approved, meeting.MinutesStatus);
        var export = await staff.APIRequest.GetAsync($"/api/meetings/{meetingId}/minutes.md");
        var markdown = await export.TextAsync();
        Assert.Contains("Verbund mit Geschäftsstelle: 1", markdown);
        Assert.Contains("Die Allianz wird als Verbund mit Geschäftsstelle fortgeführt", markdown);
    }

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);
}
