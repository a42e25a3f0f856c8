using System.Net;
using System.Net.Http.Json;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Meetings.Tests;

/// <summary>The pages for what used to be API-only: single meetings with an audience, moving, cancelling, series edits, agenda uploads.</summary>
// Own host: it creates weekly series for every organisation: each writes 90 days of occurrences and about 1,700 invitation events and mails, whose delivery would hold up the mail the next classes wait for.
public sealed class MeetingFormsTests(AllianceApp app, Browser browser) : IClassFixture<AllianceApp>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("de", "Neues Treffen", "Dokument hinzugefügt", "Dieses Treffen wurde abgesagt")]
    [InlineData("en", "New meeting", "Document added", "This meeting has been cancelled")]
    public async Task Staff_create_a_meeting_for_chosen_organisations_move_it_attach_a_document_and_cancel_it(
        string language, string newMeeting, string documentAdded, string cancelled)
    {
        var representativeId = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        var organizationId = await MeetingScenario.OrganizationOfAsync(app, representativeId);
        var title = $"Lab-Runde {language} {Guid.NewGuid():N}"[..20];
        var staff = await SignInAsync(DemoUsers.Staff, language);
        await staff.GotoAsync("/meetings");
        await staff.GetByRole(AriaRole.Link, new() { Name = newMeeting, Exact = true }).ClickAsync();
        await staff.FillAsync("#title", title);
        await staff.FillAsync("#place", "Lokschuppen");
        await staff.FillAsync("#capacity", "0");
        await staff.SelectOptionAsync("#audience", nameof(AudienceKind.ChosenOrganizations));
        await staff.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(staff.Locator("#capacity-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(staff.Locator("#organizations-error")).Not.ToBeEmptyAsync();
        await Browser.ScreenshotAsync(staff, $"meeting-forms-{language}-01-new-invalid");
        Assert.False(await MeetingScenario.DbAsync(app, db => db.Meetings.AnyAsync(m => m.Title == title)));

        await staff.FillAsync("#capacity", "25");
        var organizationName = (await (await app.SignedInAsync(DemoUsers.Staff)).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/members/organizations/{organizationId}")).GetProperty("name").GetString()!;
        await Pickers.ChooseAsync(staff, "organizations", organizationName[..Math.Min(6, organizationName.Length)], organizationName);
        await staff.Locator("form button[type=submit]").Last.ClickAsync();
        await staff.WaitForURLAsync(url => !url.EndsWith("/meetings/new", StringComparison.Ordinal));
        var meeting = await MeetingScenario.DbAsync(app, db => db.Meetings.SingleAsync(m => m.Title == title));
        Assert.Equal(AudienceKind.ChosenOrganizations, meeting.Audience);
        Assert.Equal([organizationId], meeting.AudienceOrganizationIds);
        Assert.True(await MeetingScenario.DbAsync(app, db => db.Registrations.AnyAsync(r => r.MeetingId == meeting.Id && r.PersonId == representativeId)));
        await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync(title);

        // Move by one day and to 17:00; the local time is kept in the meeting's zone.
        var staffPrincipal = await app.PrincipalAsync(DemoUsers.Staff);
        await app.SendAsync(new Agenda.AddAgendaItem(meeting.Id, "Begrüßung", "Geschäftsstelle", 10), staffPrincipal);
        await staff.Locator("#edit-meeting").ClickAsync();
        var newStart = Recurrence.ToLocal(meeting.StartsAt, meeting.TimeZone).Date.AddDays(1).AddHours(17);
        await staff.FillAsync("#starts", newStart.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await staff.FillAsync("#ends", newStart.AddHours(2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Browser.ScreenshotAsync(staff, $"meeting-forms-{language}-02-edit");
        await staff.Locator("#move").ClickAsync();
        await staff.WaitForURLAsync($"**/meetings/{meeting.Id}");
        var moved = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(newStart, Recurrence.ToLocal(moved.StartsAt, moved.TimeZone));
        await Eventually.Until(async () => (await app.MailsToAsync(DemoUsers.Representative)).FirstOrDefault(m => m.Subject.Contains(title, StringComparison.Ordinal)
                && (m.Subject.StartsWith("Geänderter Termin", StringComparison.Ordinal) || m.Subject.StartsWith("Rescheduled", StringComparison.Ordinal))),
            mail => mail is not null, what: "the mail about the moved meeting");

        // Upload an agenda document from the meeting page and download it again.
        await staff.FillAsync("#document-name", "Präsentation");
        await staff.SetInputFilesAsync("#document-file", new FilePayload { Name = "folien.txt", MimeType = "text/plain", Buffer = "Folie 1"u8.ToArray() });
        await staff.Locator("#document-form button[type=submit]").ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync(documentAdded);
        await Assertions.Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Präsentation" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(staff, $"meeting-forms-{language}-03-document");
        var download = await staff.APIRequest.GetAsync(await staff.GetByRole(AriaRole.Link, new() { Name = "Präsentation" }).GetAttributeAsync("href") ?? "");
        Assert.Equal("Folie 1", await download.TextAsync());

        // Cancel with a reason: the page says so and the registrant's e-mail carries the reason.
        var reason = $"Raum nicht verfügbar {language}";
        await staff.Locator("#edit-meeting").ClickAsync();
        await staff.FillAsync("#reason", reason);
        await staff.Locator("#cancel-meeting").ClickAsync();
        await staff.Locator("#cancel-meeting-confirm").ClickAsync();
        await staff.WaitForURLAsync($"**/meetings/{meeting.Id}");
        await Assertions.Expect(staff.Locator(".alert-danger")).ToContainTextAsync(cancelled);
        await Browser.ScreenshotAsync(staff, $"meeting-forms-{language}-04-cancelled");
        Assert.True(await MeetingScenario.DbAsync(app, db => db.Meetings.AnyAsync(m => m.Id == meeting.Id && m.IsCancelled)));
        await Eventually.Until(async () => (await app.MailsToAsync(DemoUsers.Representative)).FirstOrDefault(m => m.TextBody.Contains(reason, StringComparison.Ordinal)),
            mail => mail is not null, what: "the cancellation mail with its reason");
    }

    [Fact]
    public async Task Editing_a_series_on_its_page_moves_future_occurrences_and_a_stale_form_is_refused()
    {
        var staffPrincipal = await app.PrincipalAsync(DemoUsers.Staff);
        var seriesId = await app.SendAsync(new CreateSeries("Stammtisch", MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=WE",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)), new TimeOnly(18, 0), 90, "Europe/Berlin", "Café am Markt", null, 30), staffPrincipal);
        await app.SendAsync(new MaterializeOccurrences(seriesId), staffPrincipal);

        var staff = await SignInAsync(DemoUsers.Staff, "de");
        await staff.GotoAsync($"/meetings/series/{seriesId}/edit");
        await staff.FillAsync("#start", "19:30");
        await staff.FillAsync("#end", "21:00");
        await staff.FillAsync("#capacity", "-1");
        await staff.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(staff.Locator("#capacity-error")).Not.ToBeEmptyAsync();
        await staff.FillAsync("#capacity", "35");
        await staff.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(staff.Locator("#series-saved")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(staff, "meeting-forms-de-05-series-saved");

        var occurrences = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).ToListAsync());
        Assert.NotEmpty(occurrences);
        Assert.All(occurrences, m =>
        {
            Assert.Equal(new TimeOnly(19, 30), TimeOnly.FromDateTime(Recurrence.ToLocal(m.StartsAt, m.TimeZone)));
            Assert.Equal(35, m.Capacity);
        });

        // A second tab still holding the old version must not overwrite the change.
        var stale = await SignInAsync(DemoUsers.Staff, "de");
        await stale.GotoAsync($"/meetings/series/{seriesId}/edit");
        await staff.FillAsync("#capacity", "40");
        await staff.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(staff.Locator("#series-saved")).ToContainTextAsync("Gespeichert");
        await stale.FillAsync("#capacity", "99");
        await stale.Locator("form button[type=submit]").Last.ClickAsync();
        await Assertions.Expect(stale.Locator(".validation-errors, .validation-message, .alert").First).ToBeVisibleAsync();
        Assert.Equal(40, await MeetingScenario.DbAsync(app, db => db.Series.Where(s => s.Id == seriesId).Select(s => s.Capacity).SingleAsync()));

        // A representative neither sees the page nor can change the series.
        var representative = await SignInAsync(DemoUsers.Representative, "de");
        var response = await representative.GotoAsync($"/meetings/series/{seriesId}/edit");
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }

    [Fact]
    public async Task Cancelling_through_the_api_takes_a_reason_and_refuses_an_overlong_one()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var tooLong = await client.PostAsJsonAsync($"/api/meetings/{meetingId}/cancel", new { reason = new string('x', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.False(await MeetingScenario.DbAsync(app, db => db.Meetings.AnyAsync(m => m.Id == meetingId && m.IsCancelled)));

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        var forbidden = await representative.PostAsJsonAsync($"/api/meetings/{meetingId}/cancel", new { reason = "nein" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var editPage = await representative.GetAsync($"/meetings/{meetingId}/edit");
        Assert.True(editPage.StatusCode == HttpStatusCode.Forbidden || editPage.Headers.Location?.OriginalString.StartsWith("/forbidden", StringComparison.Ordinal) == true,
            $"edit page answered {editPage.StatusCode} {editPage.Headers.Location}");
        Assert.StartsWith("/forbidden", (await representative.GetAsync("/meetings/new")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var ok = await client.PostAsJsonAsync($"/api/meetings/{meetingId}/cancel", new { reason = "Krankheit" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var withoutBody = await client.PostAsync($"/api/meetings/{(await MeetingScenario.CreateMeetingAsync(app, capacity: 10))}/cancel", null);
        Assert.Equal(HttpStatusCode.NoContent, withoutBody.StatusCode);
    }

    [Fact]
    public async Task The_registration_list_exports_as_a_workbook_that_a_reader_opens_for_managers_only()
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 10);
        var representativeId = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        await app.SendAsync(new Registrations.Register(meetingId, representativeId), await app.PrincipalAsync(DemoUsers.Staff));
        var name = await MeetingScenario.DbAsync(app, db => db.Registrations.Where(r => r.MeetingId == meetingId && r.PersonId == representativeId).Select(r => r.PersonName).SingleAsync());

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var response = await client.GetAsync($"/api/meetings/{meetingId}/registrations.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        var rows = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(5, rows[0].Count);
        var representativeRow = Assert.Single(rows, r => r[0] == name);
        Assert.Contains(representativeRow[3], new[] { "angemeldet", "Angemeldet", "registered", "Registered" });

        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync($"/api/meetings/{meetingId}/registrations.xlsx")).StatusCode);
    }

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);
}
