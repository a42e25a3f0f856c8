using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alliance.Meetings.Domain;
using Alliance.Meetings.Registrations;
using Alliance.Meetings.Scheduling;
using Alliance.Meetings.Series;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Meetings.Tests;

/// <summary>A host that creates occurrences 400 days ahead, so a quarterly series has five stored dates to compare with its preview.</summary>
public sealed class LongHorizonApp : AllianceApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Meetings:HorizonDays"] = "400" };
}

/// <summary>
/// Issue 10, recurrence: the preview shows exactly the occurrences that are then stored (API and picker in Chromium),
/// a series continues an existing count, bad picker input is a field error that stores nothing, and ending a series
/// cancels its later occurrences.
/// </summary>
public sealed partial class SeriesPickerTests(LongHorizonApp app, Browser browser) : IClassFixture<LongHorizonApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_preview_dates_are_the_occurrences_the_series_stores_numbered_from_the_start_number()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var schedule = new
        {
            recurrenceRule = "FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3", firstDate = DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)).ToString("yyyy-MM-dd"),
            startTime = "18:00:00", durationMinutes = 150, timeZone = "Europe/Berlin", numberOffset = 7,
        };

        var previewResponse = await staff.PostAsJsonAsync("/api/meetings/series/preview", schedule);
        Assert.Equal(HttpStatusCode.OK, previewResponse.StatusCode);
        var preview = await previewResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("jeden 3. Donnerstag im Quartal, 18:00–20:30 Uhr", preview.GetProperty("summary").GetString());
        var previewed = preview.GetProperty("next").EnumerateArray()
            .Select(d => (d.GetProperty("number").GetInt32(), d.GetProperty("startsAt").GetDateTimeOffset(), d.GetProperty("endsAt").GetDateTimeOffset())).ToList();
        Assert.Equal(5, previewed.Count);
        Assert.Equal([8, 9, 10, 11, 12], previewed.Select(p => p.Item1));

        var created = await staff.PostAsJsonAsync("/api/meetings/series", new
        {
            title = "Quartalsrunde API", kind = "Plenary", schedule.recurrenceRule, schedule.firstDate, schedule.startTime, schedule.durationMinutes,
            schedule.timeZone, schedule.numberOffset, place = "Lokschuppen", capacity = 60,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var seriesId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var stored = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt)
            .Select(m => new { m.Number, m.StartsAt, m.EndsAt }).ToListAsync());
        Assert.Equal(previewed, stored.Select(m => (m.Number!.Value, m.StartsAt, m.EndsAt)).ToList());
        Assert.All(stored, m => Assert.Equal(DayOfWeek.Thursday, Recurrence.ToLocal(m.StartsAt, "Europe/Berlin").DayOfWeek));

        // The series page lists the same dates, first "8. Quartalsrunde API".
        var page = await staff.GetFromJsonAsync<JsonElement>($"/api/meetings/series/{seriesId}");
        Assert.Equal(stored.Select(m => m.StartsAt), page.GetProperty("occurrences").GetProperty("items").EnumerateArray().Select(o => o.GetProperty("startsAt").GetDateTimeOffset()));
        Assert.Equal("8. Quartalsrunde API", page.GetProperty("occurrences").GetProperty("items")[0].GetProperty("displayTitle").GetString());
    }

    [Fact]
    public async Task Bad_picker_input_and_bad_rules_are_field_errors_and_store_nothing()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var first = DateOnly.FromDateTime(AllianceClock.Today.AddDays(7));
        var weekly = new ComposeRecurrenceRule(RepeatFrequency.Weekly, 1, [DayOfWeek.Thursday], MonthlyBy.DayOfMonth, 1, 1, DayOfWeek.Thursday, 1,
            RepeatEnd.Never, null, null, first);
        Assert.Equal("FREQ=WEEKLY;BYDAY=TH", await app.SendAsync(weekly, staff));

        async Task<string> FieldOf(ComposeRecurrenceRule request) =>
            Assert.Single((await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(request, staff))).Errors.Select(e => e.PropertyName).Distinct());

        Assert.Equal("Interval", await FieldOf(weekly with { Interval = 0 }));
        Assert.Equal("Interval", await FieldOf(weekly with { Interval = 100 }));
        Assert.Equal("Weekdays", await FieldOf(weekly with { Weekdays = [.. Enumerable.Repeat(DayOfWeek.Monday, 400)] }));
        Assert.Equal("Weekdays", await FieldOf(weekly with { Weekdays = [] }));
        Assert.Equal("Until", await FieldOf(weekly with { Ends = RepeatEnd.OnDate, Until = first.AddDays(-1) }));
        Assert.Equal("Count", await FieldOf(weekly with { Ends = RepeatEnd.AfterCount, Count = 0 }));
        Assert.Equal("Count", await FieldOf(weekly with { Ends = RepeatEnd.AfterCount, Count = RecurrenceChoice.MaxCount + 1 }));
        Assert.Equal("WeekdayPosition", await FieldOf(weekly with { Frequency = RepeatFrequency.Monthly, MonthlyBy = MonthlyBy.Weekday, WeekdayPosition = 5 }));
        Assert.Equal("DayOfMonth", await FieldOf(weekly with { Frequency = RepeatFrequency.Quarterly, DayOfMonth = 32 }));
        Assert.Equal("Frequency", await FieldOf(weekly with { Frequency = (RepeatFrequency)42 }));

        using var client = await app.SignedInAsync(DemoUsers.Staff);
        var before = await MeetingScenario.DbAsync(app, db => db.Series.CountAsync());
        foreach (var (field, rule, zone) in new[]
        {
            ("timeZone", "FREQ=WEEKLY;BYDAY=TH", "Mars/Olympus"),
            ("recurrenceRule", $"FREQ=WEEKLY;BYDAY=TH;UNTIL={first.AddDays(-1):yyyyMMdd}", "Europe/Berlin"), // ends before it starts
        })
        {
            foreach (var path in new[] { "/api/meetings/series/preview", "/api/meetings/series" })
            {
                var response = await client.PostAsJsonAsync(path, new
                {
                    title = "Fehlerhafte Reihe", kind = "Plenary", recurrenceRule = rule, firstDate = first.ToString("yyyy-MM-dd"), startTime = "18:00:00",
                    durationMinutes = 60, timeZone = zone, place = "Lokschuppen", capacity = 10,
                });
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), $"{path}: {field}");
            }
        }

        Assert.Equal(before, await MeetingScenario.DbAsync(app, db => db.Series.CountAsync()));
    }

    [Fact]
    public async Task Ending_a_series_sets_until_and_cancels_later_occurrences_with_mails_to_registrants()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var first = DateOnly.FromDateTime(AllianceClock.Today.AddDays(1));
        var representative = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        // Only the representative's organisation is invited, so her mails are not queued behind thousands of invitations.
        var seriesId = await app.SendAsync(new CreateSeries("Sprechstunde", Domain.MeetingKind.NetworkMeeting, "FREQ=MONTHLY;BYMONTHDAY=10", first,
            new TimeOnly(9, 0), 60, "Europe/Berlin", "Rathaus", null, 20, Audience: Domain.AudienceKind.ChosenOrganizations,
            OrganizationIds: [await MeetingScenario.OrganizationOfAsync(app, representative)]), staff);
        var occurrences = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.True(occurrences.Count >= 12);
        await app.SendAsync(new Register(occurrences[5].Id, representative), staff);
        var lastDate = DateOnly.FromDateTime(Recurrence.ToLocal(occurrences[3].StartsAt, "Europe/Berlin"));
        var version = await MeetingScenario.DbAsync(app, db => db.Series.Where(s => s.Id == seriesId).Select(s => s.Version).SingleAsync());

        // A date before the series begins is refused; a stale version is a conflict; neither changes anything.
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => app.SendAsync(new EndSeries(seriesId, first.AddDays(-1), version), staff));
        await Assert.ThrowsAsync<Alliance.Shared.Errors.ConflictException>(() => app.SendAsync(new EndSeries(seriesId, lastDate, version + 1), staff));
        Assert.Equal(0, await MeetingScenario.DbAsync(app, db => db.Meetings.CountAsync(m => m.SeriesId == seriesId && m.IsCancelled)));

        var cancelled = await app.SendAsync(new EndSeries(seriesId, lastDate, version), staff);

        Assert.Equal(occurrences.Count - 4, cancelled);
        var series = await MeetingScenario.DbAsync(app, db => db.Series.AsNoTracking().SingleAsync(s => s.Id == seriesId));
        Assert.Equal($"FREQ=MONTHLY;BYMONTHDAY=10;UNTIL={lastDate:yyyyMMdd}", series.RecurrenceRule);
        var after = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).ToListAsync());
        Assert.Equal(occurrences.Select(o => o.Id), after.Select(o => o.Id));
        Assert.All(after.Take(4), m => Assert.False(m.IsCancelled));
        Assert.All(after.Skip(4), m => Assert.True(m.IsCancelled));
        Assert.Equal(0, await app.SendAsync(new MaterializeOccurrences(seriesId)));
        await Eventually.Until(() => app.MailsToAsync(DemoUsers.Representative),
            mails => mails.Any(m => m.Subject.StartsWith("Abgesagt: 6. Sprechstunde", StringComparison.Ordinal) || m.Subject.StartsWith("Cancelled: 6. Sprechstunde", StringComparison.Ordinal)),
            what: "the cancellation of the 6th date", describe: mails => string.Join(" | ", mails.Select(m => m.Subject)));
    }

    [Fact]
    public async Task A_new_rule_keeps_the_dates_it_shares_cancels_the_others_and_continues_the_count()
    {
        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var representative = await MeetingScenario.PersonIdAsync(app, DemoUsers.Representative);
        var seriesId = await app.SendAsync(new CreateSeries("Werkstattgespräch", Domain.MeetingKind.NetworkMeeting, "FREQ=WEEKLY;BYDAY=TU",
            DateOnly.FromDateTime(AllianceClock.Today.AddDays(1)), new TimeOnly(17, 0), 60, "Europe/Berlin", "Rathaus", null, 20,
            Audience: Domain.AudienceKind.ChosenOrganizations, OrganizationIds: [await MeetingScenario.OrganizationOfAsync(app, representative)], NumberOffset: 7), staff);
        var before = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).ToListAsync());
        var firstTuesdays = before.Where(m => Recurrence.ToLocal(m.StartsAt, "Europe/Berlin").Day <= 7).ToList();
        await app.SendAsync(new Register(firstTuesdays[1].Id, representative), staff);
        var version = await MeetingScenario.DbAsync(app, db => db.Series.Where(s => s.Id == seriesId).Select(s => s.Version).SingleAsync());

        // The edit form's preview of the new rule shows the dates and numbers the change then stores.
        var preview = await app.SendAsync(new PreviewSeriesChange(seriesId, new TimeOnly(17, 0), 60, "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1"), staff);
        Assert.Equal(PreviewSeries.Dates, preview.Next.Count);

        await app.SendAsync(new UpdateSeries(seriesId, new TimeOnly(17, 0), 60, "Rathaus", null, 20, null, [7, 1], version, "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1"), staff);

        var after = await MeetingScenario.DbAsync(app, db => db.Meetings.AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartsAt).ToListAsync());
        var kept = after.Where(m => !m.IsCancelled).ToList();
        Assert.Equal(preview.Next.Select(p => (p.Number, p.StartsAt)), kept.Take(PreviewSeries.Dates).Select(m => (m.Number!.Value, m.StartsAt)));
        Assert.Equal(firstTuesdays.Select(m => m.Id), kept.Select(m => m.Id));
        Assert.Equal(Enumerable.Range(8, kept.Count).Select(n => (int?)n), kept.Select(m => m.Number));
        Assert.All(after.Where(m => m.IsCancelled), m => Assert.Null(m.Number));
        Assert.Equal(before.Count - firstTuesdays.Count, after.Count(m => m.IsCancelled));
        Assert.Equal(RegistrationStatus.Registered, await MeetingScenario.DbAsync(app, db => db.Registrations
            .Where(r => r.MeetingId == firstTuesdays[1].Id && r.PersonId == representative).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await app.SendAsync(new MaterializeOccurrences(seriesId)));

        // The old version is stale now.
        await Assert.ThrowsAnyAsync<Exception>(() => app.SendAsync(new UpdateSeries(seriesId, new TimeOnly(17, 0), 60, "Rathaus", null, 20, null, [7, 1], version, "FREQ=WEEKLY;BYDAY=WE"), staff));
        Assert.Equal("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1", await MeetingScenario.DbAsync(app, db => db.Series.Where(s => s.Id == seriesId).Select(s => s.RecurrenceRule).SingleAsync()));
    }

    [Theory]
    [InlineData("de", "jeden 3. Donnerstag im Quartal, 18:00–20:30 Uhr")]
    [InlineData("en", "every 3rd Thursday of the quarter, 6:00–8:30 pm")]
    public async Task Staff_create_a_quarterly_series_with_the_picker_and_the_series_page_lists_the_previewed_dates(string language, string summary)
    {
        var page = await SignInAsync(DemoUsers.Staff, language);
        await page.GotoAsync("/meetings");
        await page.Locator("#series-list-link").ClickAsync();
        await page.WaitForURLAsync("**/meetings/series");
        await page.GetByRole(AriaRole.Link, new() { Name = language == "de" ? "Neue Reihe" : "New series" }).First.ClickAsync();
        await page.WaitForURLAsync("**/meetings/series/new");

        var title = $"Allianzrunde {language}";
        await page.FillAsync("#title", title);
        await page.FillAsync("#place", "Lokschuppen");
        await page.FillAsync("#capacity", "60");
        await page.FillAsync("#startnumber", "8");
        await page.SelectOptionAsync("#repeat", "Quarterly");
        await page.Locator("#by-weekday").CheckAsync();
        await page.SelectOptionAsync("#position", "3");
        await page.SelectOptionAsync("#weekday", "Thursday");
        // An end before the first date is named at its field (the browser itself keeps the interval and count in range).
        await page.Locator("#ends-on").CheckAsync();
        await page.FillAsync("#until", AllianceClock.Today.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.Locator("#preview").ClickAsync();
        await Assertions.Expect(page.Locator("#ends-error")).Not.ToBeEmptyAsync();
        await page.Locator("#ends-never").CheckAsync();
        await page.Locator("#preview").ClickAsync();
        await Assertions.Expect(page.Locator("#preview-summary")).ToHaveTextAsync(summary);
        await Assertions.Expect(page.Locator("#preview-dates li")).ToHaveCountAsync(5);
        var previewed = await page.Locator("#preview-dates li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.start)");
        await Browser.ScreenshotAsync(page, $"series-picker-{language}-01-preview");

        await page.Locator("#save").ClickAsync();
        await page.WaitForURLAsync(SeriesPage());
        await Assertions.Expect(page.Locator("#series-summary")).ToHaveTextAsync(summary);
        await Assertions.Expect(page.Locator("#series-occurrences tbody tr").First).ToContainTextAsync($"8. {title}");
        var listed = await page.Locator("#series-occurrences tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.start)");
        Assert.Equal(previewed, listed);
        await Browser.ScreenshotAsync(page, $"series-picker-{language}-02-series");

        // The stored rule is the RRULE the picker built.
        Assert.Equal("FREQ=MONTHLY;INTERVAL=3;BYDAY=TH;BYSETPOS=3", await MeetingScenario.DbAsync(app, db => db.Series.Where(s => s.Title == title).Select(s => s.RecurrenceRule).SingleAsync()));

        // The edit form shows the same summary and, before saving, the same next dates.
        var seriesUrl = page.Url;
        await page.Locator("#edit-series").ClickAsync();
        await page.WaitForURLAsync("**/edit");
        await page.Locator("#preview").ClickAsync();
        await Assertions.Expect(page.Locator("#preview-summary")).ToHaveTextAsync(summary);
        await Assertions.Expect(page.Locator("#preview-dates li").First).ToContainTextAsync("8. ");
        Assert.Equal(previewed, await page.Locator("#preview-dates li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.start)"));
        await page.GotoAsync(seriesUrl);

        // Ending the series asks first, then cancels every date after the first.
        var firstDate = DateOnly.FromDateTime(DateTimeOffset.Parse(previewed[0], System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
        await page.FillAsync("#lastdate", firstDate.ToString("yyyy-MM-dd"));
        await page.Locator("#end-series").ClickAsync();
        await page.Locator("#end-series-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#series-occurrences tr[data-cancelled=true]")).ToHaveCountAsync(4);
        await Browser.ScreenshotAsync(page, $"series-picker-{language}-03-ended");
    }

    [GeneratedRegex("/meetings/series/[0-9a-f-]{36}$")]
    private static partial Regex SeriesPage();

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);
}
