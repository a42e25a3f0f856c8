using System.Text.RegularExpressions;
using Alliance.Labs.Demo;
using Alliance.Labs.Matching;
using Alliance.Labs.Programmes;
using Alliance.Labs.Proposals;
using Alliance.Members.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Alliance.Labs.Tests;

/// <summary>Journeys 2 (lab), 6 (matching) and 8 (follow-up) of domain.md in Chromium, in German and English, with screenshots.</summary>
// Own host: the journeys walk the demo alliance's labs, needs and offers as seeded.
public sealed partial class JourneyBrowserTests(AllianceApp app, Browser browser) : IClassFixture<AllianceApp>, IClassFixture<Browser>
{
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["de"] = new() { ["pending"] = "wartet auf die Entscheidung", ["science"] = "Wissenschaft", ["taken"] = "Aufgenommen in das Reallabor", ["running"] = "läuft", ["funnel"] = "Trichter", ["done"] = "zustande gekommen", ["required"] = "Bitte ausfüllen.", ["owner"] = "Bitte eine Person oder eine Organisation wählen.", ["past"] = "Das Fälligkeitsdatum darf nicht in der Vergangenheit liegen." },
        ["en"] = new() { ["pending"] = "waiting for the coordinators", ["science"] = "Science", ["taken"] = "Taken into the lab", ["running"] = "running", ["funnel"] = "Funnel", ["done"] = "done", ["required"] = "Please fill in.", ["owner"] = "Please choose a person or an organisation.", ["past"] = "The due date may not be in the past." },
    };

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Journey_2_lab_membership_proposal_pilot_and_partner_warning(string language)
    {
        var w = Words[language];
        var kaiserEmail = $"kaiser-{language}@elektro-kaiser.example";
        await app.CreateRepresentativeAsync($"Elektro Kaiser GmbH {language}", "Petra", "Kaiser", kaiserEmail, PartnerGroup.Company, language);

        // Staff open the lab in "Hybrider Handel" and make Mr Brandt its coordinator.
        var staff = await SignInAsync(DemoUsers.Staff, language);
        await staff.GotoAsync("/labs/new");
        var title = $"Handel der Zukunft – Innenstadt {language}";
        await staff.FillAsync("#title", title);
        await staff.SelectOptionAsync("#field", new SelectOptionValue { Label = "Hybrider Handel" });
        await Alliance.Tests.Support.Pickers.ChooseAsync(staff, "coordinators", "Brandt", "Thomas Brandt");
        await staff.SelectOptionAsync("#groups", ["Company", "Science"]);
        await staff.FillAsync("#description", "Die **Innenstadt** gemeinsam beliefern. [böse](javascript:alert(1))");
        await Browser.ScreenshotAsync(staff, $"journey-2-{language}-01-new-lab");
        await staff.ClickAsync("main form button[type=submit].btn-primary");
        await staff.WaitForURLAsync(LabUrl());
        var labId = Guid.Parse(LabUrl().Match(staff.Url).Groups[1].Value);
        Assert.Contains("Thomas Brandt", await staff.InnerTextAsync("#coordinators"), StringComparison.Ordinal);
        Assert.Equal(0, await staff.Locator("a[href^='javascript']").CountAsync());

        // Ms Kaiser asks to join.
        var kaiser = await SignInAsync(kaiserEmail, language);
        await kaiser.GotoAsync($"/labs/{labId}");
        await kaiser.FillAsync("#motivation", "Wir liefern schon heute mit dem Lastenrad.");
        await kaiser.ClickAsync("form:has(#motivation) button[type=submit]");
        await kaiser.WaitForSelectorAsync("#request-pending");
        Assert.Contains(w["pending"], await kaiser.InnerTextAsync("#request-pending"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(kaiser, $"journey-2-{language}-02-request-pending");

        // Mr Brandt approves.
        var brandt = await SignInAsync(DemoUsers.Representative, language);
        await brandt.GotoAsync($"/labs/{labId}");
        await Browser.ScreenshotAsync(brandt, $"journey-2-{language}-03-request-to-approve");
        await SubmitAsync(brandt, () => brandt.ClickAsync(".membership-request button.btn-success"));
        Assert.Contains($"Elektro Kaiser GmbH {language}", await brandt.InnerTextAsync("#members ~ table"), StringComparison.Ordinal);

        // She proposes the topic; six companies support it (Mr Brandt in the browser, five more directly).
        await kaiser.GotoAsync("/labs/proposals/new");
        await kaiser.FillAsync("#title", $"Lastenrad-Lieferung für den Einzelhandel ({language})");
        await kaiser.FillAsync("#description", "Ein gemeinsames Mikrodepot und Lastenräder für die Läden der Innenstadt.");
        await kaiser.ClickAsync("main form button[type=submit]");
        await kaiser.WaitForURLAsync(ProposalUrl());
        var proposalId = Guid.Parse(ProposalUrl().Match(kaiser.Url).Groups[1].Value);

        await brandt.GotoAsync($"/labs/proposals/{proposalId}");
        await SubmitAsync(brandt, () => brandt.ClickAsync("main form button.btn-success"));
        foreach (var company in new[] { "Feinkost Lehmann", "Schuhhaus Richter", "Buchhandlung Seitenweise", "Kaufhaus am Markt", "Optik Vogel" })
        {
            var email = $"{company.Split(' ')[0].ToLowerInvariant()}-{language}@support.example";
            await app.CreateRepresentativeAsync(company, "Vertretung", company, email);
            await app.SendAsync(new SupportProposal(proposalId), await app.PrincipalAsync(email));
        }

        // Staff take it into the lab.
        await staff.GotoAsync($"/labs/proposals/{proposalId}");
        Assert.Equal("6", SupportCount().Match(await staff.InnerTextAsync("#supports")).Value);
        await staff.SelectOptionAsync("#answer-kind", "TakeIntoLab");
        // The lab is searched for, not picked from a list of every lab (issue 13).
        await Alliance.Tests.Support.Pickers.ChooseAsync(staff, "answer-lab", $"Innenstadt {language}", title);
        await staff.ClickAsync("form:has(#answer-kind) button[type=submit]");
        await staff.WaitForSelectorAsync("#answer");
        Assert.Contains(w["taken"], await staff.InnerTextAsync("#answer"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(staff, $"journey-2-{language}-04-proposal-taken");

        // The lab starts the pilot and tracks it to "running".
        await brandt.GotoAsync($"/labs/{labId}");
        await brandt.ClickAsync("section:has(#outcomes) summary");
        await brandt.FillAsync("#outcome-title", "LOUISE Citylogistik");
        await brandt.SelectOptionAsync("#outcome-kind", "PilotProject");
        await brandt.SelectOptionAsync("#outcome-status", "Planned");
        await brandt.FillAsync("#outcome-percent", "10");
        await SubmitAsync(brandt, () => brandt.ClickAsync("form:has(#outcome-title) button[type=submit]"));
        await Browser.ScreenshotAsync(brandt, $"journey-2-{language}-05-outcome-created");
        Assert.Matches("/labs/outcomes/", brandt.Url);
        await brandt.SelectOptionAsync("#status", "Running");
        await brandt.FillAsync("#percent", "50");
        await brandt.FillAsync("#note", "Mikrodepot eröffnet, zwei Lastenräder im Einsatz.");
        await SubmitAsync(brandt, () => brandt.ClickAsync("main form button[type=submit]"));
        Assert.Contains("Mikrodepot eröffnet", await brandt.InnerTextAsync("#timeline"), StringComparison.Ordinal);
        Assert.Contains(w["running"], await brandt.InnerTextAsync("main"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(brandt, $"journey-2-{language}-05-pilot-running");

        // The lab page warns that no science partner is in the lab.
        await kaiser.GotoAsync($"/labs/{labId}");
        Assert.Contains(w["science"], await kaiser.InnerTextAsync("#partner-warning"), StringComparison.Ordinal);
        Assert.Contains("LOUISE Citylogistik", await kaiser.InnerTextAsync("main"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(kaiser, $"journey-2-{language}-06-lab-page");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Journey_6_school_need_matched_with_two_company_offers(string language)
    {
        var w = Words[language];
        var teacherEmail = $"lehrerin-{language}@oberschule.example";
        await app.CreateRepresentativeAsync("Oberschule am Park", "Sandra", "Lehmann", teacherEmail, PartnerGroup.School, language);
        var secondEmail = $"tischlerei-{language}@hoffmann.example";
        await app.CreateRepresentativeAsync("Tischlerei Hoffmann", "Jan", "Hoffmann", secondEmail);

        var teacher = await SignInAsync(teacherEmail, language);
        await teacher.GotoAsync("/labs/needs/new");
        var need = $"Betriebspraktika für die 9. Klasse – {language}";
        await teacher.FillAsync("#title", need);
        await teacher.FillAsync("#for-whom", "Klasse 9a");
        await teacher.FillAsync("#quantity", "12");
        await Browser.ScreenshotAsync(teacher, $"journey-6-{language}-01-need");
        await teacher.ClickAsync("main form button[type=submit]");
        await teacher.WaitForURLAsync(NeedUrl());
        var needId = Guid.Parse(NeedUrl().Match(teacher.Url).Groups[1].Value);

        var brandt = await SignInAsync(DemoUsers.Representative, language);
        await brandt.GotoAsync("/labs/offers/new");
        await brandt.FillAsync("#title", $"Zwei Praktikumsplätze im Modehaus ({language})");
        await brandt.FillAsync("#quantity", "2");
        await brandt.ClickAsync("main form button[type=submit]");
        await brandt.WaitForURLAsync(new Regex("/labs/needs$"));
        await app.SendAsync(new PostOffer($"Ein Platz in der Werkstatt ({language})", null, 1), await app.PrincipalAsync(secondEmail));

        var staff = await SignInAsync(DemoUsers.Staff, language);
        await staff.GotoAsync($"/labs/needs/{needId}");
        // The offers are searched by title (the exchange grows with the alliance: no checkbox per open offer).
        await Alliance.Tests.Support.Pickers.ChooseAsync(staff, "offers", "Praktikumsplätze im Modehaus", $"Zwei Praktikumsplätze im Modehaus ({language})");
        await Alliance.Tests.Support.Pickers.ChooseAsync(staff, "offers", $"Werkstatt ({language})", $"Ein Platz in der Werkstatt ({language})");
        await Browser.ScreenshotAsync(staff, $"journey-6-{language}-02-match");
        await SubmitAsync(staff, () => staff.ClickAsync("form:has(#offers-search) button[type=submit]"));
        Assert.Equal(2, await staff.Locator("#matches > li").CountAsync());

        await staff.SelectOptionAsync("#matches > li >> nth=0 >> select", "Done");
        await staff.FillAsync("#matches > li >> nth=0 >> input[name='Act.Note']", "Zwei Schüler ab März");
        await SubmitAsync(staff, () => staff.ClickAsync("#matches > li >> nth=0 >> button"));
        Assert.Contains(w["done"], await staff.InnerTextAsync("#matches"), StringComparison.Ordinal);
        await Browser.ScreenshotAsync(staff, $"journey-6-{language}-03-outcome");

        var mail = await app.WaitForMailAsync(teacherEmail, language == "de" ? "Ein Angebot für Ihren Bedarf" : "An offer for your need");
        Assert.Contains(need, mail.Subject, StringComparison.Ordinal);
        await app.WaitForMailAsync(secondEmail, "Ihr Angebot wird gebraucht");
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Journey_8_programme_follow_up(string language)
    {
        var w = Words[language];
        var programme = await app.LabIdAsync(LabsDemoSeeder.Programme);
        var staff = await SignInAsync(DemoUsers.Staff, language);
        await staff.GotoAsync($"/labs/{programme}/programme");
        Assert.Contains(w["funnel"], await staff.InnerTextAsync("#funnel"), StringComparison.Ordinal);
        var counts = await staff.Locator(".funnel-count").AllInnerTextsAsync();
        Assert.True(counts.Sum(int.Parse) >= 17);
        await Browser.ScreenshotAsync(staff, $"journey-8-{language}-01-funnel");

        // Due participants only, then record a contact with the one not heard from longest.
        await staff.GotoAsync($"/labs/{programme}/programme?dueOnly=true");
        var row = staff.Locator(".participant-row").First;
        var name = (await row.Locator("td").First.InnerTextAsync()).Trim();
        await row.Locator("summary").ClickAsync();
        await row.Locator("select[name='Act.Status']").SelectOptionAsync("BusinessStarted");
        await row.Locator("input[name='Act.Note']").FillAsync("Gewerbe angemeldet");
        await Browser.ScreenshotAsync(staff, $"journey-8-{language}-02-record-contact");
        await SubmitAsync(staff, () => row.Locator("button[type=submit]").ClickAsync());
        var today = LabsTestData.AllianceToday();
        var participant = await app.LabsDbAsync(db => db.Participants.Include(p => p.History).SingleAsync(p => p.LabId == programme && p.Name == name));
        Assert.Equal(Alliance.Labs.Domain.ParticipantStatus.BusinessStarted, participant.Status);
        Assert.Equal(today, participant.LastContactOn);
        Assert.Contains(participant.History, h => h.Note == "Gewerbe angemeldet");

        await staff.GotoAsync($"/labs/{programme}/programme");
        await Browser.ScreenshotAsync(staff, $"journey-8-{language}-03-after-contact");

        // The contacted participant is no longer due; the daily job reminds the programme's coordinator (staff) of the others.
        await staff.GotoAsync($"/labs/{programme}/programme?dueOnly=true");
        Assert.DoesNotContain(name, await staff.InnerTextAsync("main"), StringComparison.Ordinal);
        await app.SendAsync(new SendFollowUpReminders());
        await app.WaitForMailAsync(DemoUsers.Staff, LabsDemoSeeder.Programme);
        Assert.False(await app.LabsDbAsync(db => db.FollowUpReminders.AnyAsync(r => r.ParticipantId == participant.Id && r.LastContactOn == today)));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Collapsible_forms_with_errors_stay_open_and_show_them(string language)
    {
        var w = Words[language];
        var lab = await app.RetailLabAsync();
        var brandt = await SignInAsync(DemoUsers.Representative, language);

        // "Aufgabe hinzufügen" with an empty title and no owner: the section stays open with both errors in view.
        await brandt.GotoAsync($"/labs/{lab}");
        Assert.False(await IsOpenAsync(brandt, "#new-action-item"));
        await brandt.ClickAsync("#new-action-item summary");
        await SubmitAsync(brandt, () => brandt.ClickAsync("#new-action-item button[type=submit]"));
        Assert.True(await IsOpenAsync(brandt, "#new-action-item"));
        Assert.True(await brandt.Locator("#new-action-item").GetByText(w["required"]).First.IsVisibleAsync());
        Assert.True(await brandt.Locator("#new-action-item").GetByText(w["owner"]).First.IsVisibleAsync());
        await Browser.ScreenshotAsync(brandt, $"labs-forms-{language}-01-action-item-errors");

        // A past due date: refused by the one due-date rule, shown in the open form, nothing stored. The owner person is
        // searched among the contacts of the lab's member organisations (typeahead) and stays chosen.
        await brandt.FillAsync("#item-title", $"Rückblick {language}");
        await Alliance.Tests.Support.Pickers.ChooseAsync(brandt, "item-person", "Brandt", "Thomas Brandt");
        await brandt.SelectOptionAsync("#item-organization", new SelectOptionValue { Label = "Modehaus Brandt" });
        await brandt.FillAsync("#item-due", LabsTestData.AllianceToday().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await SubmitAsync(brandt, () => brandt.ClickAsync("#new-action-item button[type=submit]"));
        Assert.True(await IsOpenAsync(brandt, "#new-action-item"));
        Assert.True(await brandt.Locator("#new-action-item").GetByText(w["past"]).First.IsVisibleAsync());
        Assert.False(await app.LabsDbAsync(db => db.ActionItems.AnyAsync(a => a.Title == $"Rückblick {language}")));
        Assert.Equal("Thomas Brandt", await brandt.InputValueAsync("#item-person-search"));

        // A due date from today on: saved for the chosen person and organisation, the form closed again.
        await brandt.FillAsync("#item-due", LabsTestData.AllianceToday().AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await SubmitAsync(brandt, () => brandt.ClickAsync("#new-action-item button[type=submit]"));
        Assert.False(await IsOpenAsync(brandt, "#new-action-item"));
        var brandtId = Guid.Parse((await app.PrincipalAsync(DemoUsers.Representative)).FindFirst(Alliance.Shared.Security.AllianceClaimTypes.PersonId)!.Value);
        Assert.Equal(brandtId, await app.LabsDbAsync(db => db.ActionItems.Where(a => a.Title == $"Rückblick {language}").Select(a => a.OwnerPersonId).SingleAsync()));

        // "Ergebnis erfassen" with an empty title: open, with the error.
        await brandt.GotoAsync($"/labs/{lab}");
        await brandt.ClickAsync("#new-outcome summary");
        await SubmitAsync(brandt, () => brandt.ClickAsync("#new-outcome button[type=submit]"));
        Assert.True(await IsOpenAsync(brandt, "#new-outcome"));
        Assert.True(await brandt.Locator("#new-outcome").GetByText(w["required"]).First.IsVisibleAsync());
        Assert.False(await IsOpenAsync(brandt, "#new-action-item"));
        await Browser.ScreenshotAsync(brandt, $"labs-forms-{language}-02-outcome-errors");
    }

    private static Task<bool> IsOpenAsync(IPage page, string details) => page.Locator(details).EvaluateAsync<bool>("d => d.open");

    /// <summary>Clicks a submit button and waits for the page that comes back (after the redirect, or with the errors).</summary>
    private static Task SubmitAsync(IPage page, Func<Task> click) =>
        page.RunAndWaitForResponseAsync(click, r => r.Request.ResourceType == "document" && (r.Status < 300 || r.Status >= 400));

    private Task<IPage> SignInAsync(string email, string language) => browser.SignedInPageAsync(app.BaseAddress, email, language);

    [GeneratedRegex("/labs/([0-9a-f-]{36})$")]
    private static partial Regex LabUrl();

    [GeneratedRegex("/labs/proposals/([0-9a-f-]{36})$")]
    private static partial Regex ProposalUrl();

    [GeneratedRegex("/labs/needs/([0-9a-f-]{36})$")]
    private static partial Regex NeedUrl();

    [GeneratedRegex("\\d+")]
    private static partial Regex SupportCount();
}
