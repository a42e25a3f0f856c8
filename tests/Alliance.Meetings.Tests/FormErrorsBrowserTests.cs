using Alliance.Meetings.Agenda;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Issue 8's form faults in a real Chromium, once per language with one sign-in: a series whose first date is in
/// 1999 is flagged inline together with the other errors, a decision without an owner shows the error under the
/// owner field (not under another one), no framework text leaks, one navigation item is current on a sub-page, and the meeting's date reads one way.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class FormErrorsBrowserTests(AllianceApp app, Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("de", "Bitte ein Datum ab heute und höchstens zehn Jahre im Voraus angeben.", "Bitte eine verantwortliche Person oder Organisation angeben.", "Beschluss speichern")]
    [InlineData("en", "Please give a date from today up to ten years ahead.", "Please give an owner (person or organisation).", "Save decision")]
    public async Task Series_and_decision_forms_show_each_error_inline_in_the_page_language(string language, string firstDateOutOfRange, string ownerRequired, string recordDecision)
    {
        var meetingId = await MeetingScenario.CreateMeetingAsync(app, capacity: 5);
        await app.SendAsync(new AddAgendaItem(meetingId, $"Beschlüsse {language}", null, 20), await app.PrincipalAsync(DemoUsers.Staff));
        var page = await SignInAsync(DemoUsers.Staff, language);

        // A series starting in 1999 without a title: both errors at once, each under its field.
        await page.GotoAsync("/meetings/series/new");
        await page.FillAsync("#first", "1999-01-07");
        await page.FillAsync("#title", "");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#first-error")).ToHaveTextAsync(firstDateOutOfRange);
        await Assertions.Expect(page.Locator("#title-error")).Not.ToBeEmptyAsync();
        Assert.DoesNotContain("is not valid", await page.ContentAsync(), StringComparison.Ordinal);
        // On this sub-page of Treffen only one navigation item is current.
        await Assertions.Expect(page.Locator("header .nav-link.active")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("header .nav-link.active")).ToHaveAttributeAsync("href", "/meetings");
        await Browser.ScreenshotAsync(page, $"meetings-forms-{language}-01-series-1999");

        // A decision with an action item but no owner: the error stands under the owner (person) field only.
        await page.GotoAsync($"/meetings/{meetingId}/minutes");
        await page.FillAsync("#decision-text", "Die Allianz wird fortgeführt");
        await page.FillAsync("#action-title", "Konzept vorlegen");
        await page.GetByRole(AriaRole.Button, new() { Name = recordDecision }).ClickAsync();
        await Assertions.Expect(page.Locator("#action-owner-person-error")).ToHaveTextAsync(ownerRequired);
        await Assertions.Expect(page.Locator("#action-title-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#decision-text-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#action-owner-error")).ToBeEmptyAsync();
        Assert.Equal(0, await MeetingScenario.DbAsync(app, db => db.Decisions.CountAsync(d => d.MeetingId == meetingId)));
        await Browser.ScreenshotAsync(page, $"meetings-forms-{language}-02-decision-without-owner");

        // The meeting's date reads one way: "Do, 17. Dez. 2026, 18:00" / "Thu 17 Dec 2026, 18:00" (never "Thu, 17. Dec").
        await page.GotoAsync($"/meetings/{meetingId}");
        var when = await page.Locator("dd time").First.InnerTextAsync();
        Assert.Matches(language == "de" ? @"^(Mo|Di|Mi|Do|Fr|Sa|So), \d{1,2}\. \S+ \d{4}, \d{2}:\d{2}" : @"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}", when);
        await page.Context.CloseAsync();
    }

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);
}
