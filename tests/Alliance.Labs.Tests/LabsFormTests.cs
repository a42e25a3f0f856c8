using System.Text.RegularExpressions;
using Alliance.Labs.Demo;
using Alliance.Labs.Resources;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Labs.Tests;

/// <summary>
/// The Labs forms posted like a browser with empty and mistyped numbers and dates (docs/modules.md "Forms: typed values
/// are text"): every field's message at once, inline, in the page's language, the validator's too, no English binder
/// message, nothing stored; the collapsible forms on the lab and programme pages stay open with their errors.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class LabsFormTests(AllianceApp app)
{
    private static bool IsOpen(string html, string detailsId) => Regex.IsMatch(html, $"<details open[^>]*id=\"{Regex.Escape(detailsId)}\"");

    private async Task<HttpClient> ClientAsync(string language, string user = DemoUsers.Staff)
    {
        var client = await app.SignedInAsync(user);
        await client.UseLanguageAsync(language);
        return client;
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_lab_pages_action_item_and_outcome_forms_stay_open_with_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        var lab = await app.RetailLabAsync();
        using var client = await ClientAsync(language);
        var before = await app.LabsDbAsync(async db => (await db.ActionItems.CountAsync(), await db.Outcomes.CountAsync()));

        var item = await client.PostFormAsync($"/labs/{lab}", "new-action-item", new Dictionary<string, string>
        {
            ["NewItem.Title"] = "", ["NewItem.OwnerPersonId"] = "", ["NewItem.OwnerOrganizationId"] = "", ["NewItem.DueDate"] = "morgen",
        });
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(item, "item-due"));
        Assert.Equal(await app.TextAsync<LabsText>(language, "Validation_Required"), FormPosts.ErrorOf(item, "item-title"));
        Assert.Equal(await app.TextAsync<LabsText>(language, "ActionItem_OwnerRequired"), FormPosts.ErrorOf(item, "item-person"));
        Assert.True(IsOpen(item, "new-action-item"), "the refused action item form stays open");
        FormPosts.HasNoBinderMessage(item);

        var outcome = await client.PostFormAsync($"/labs/{lab}", "new-outcome", new Dictionary<string, string>
        {
            ["NewOutcome.Title"] = "", ["NewOutcome.Kind"] = "PilotProject", ["NewOutcome.Status"] = "Planned", ["NewOutcome.Percent"] = "viel",
        });
        Assert.Equal(m.NotAWholeNumber, FormPosts.ErrorOf(outcome, "outcome-percent"));
        Assert.Equal(await app.TextAsync<LabsText>(language, "Validation_Required"), FormPosts.ErrorOf(outcome, "outcome-title"));
        Assert.True(IsOpen(outcome, "new-outcome"), "the refused outcome form stays open");
        FormPosts.HasNoBinderMessage(outcome);

        Assert.Equal(before, await app.LabsDbAsync(async db => (await db.ActionItems.CountAsync(), await db.Outcomes.CountAsync())));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_lab_form_reports_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        using var client = await ClientAsync(language);
        var labs = await app.LabsDbAsync(db => db.Labs.CountAsync());

        var page = await client.PostFormAsync("/labs/new", "lab-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.ActionFieldId"] = "", ["Input.Kind"] = "WorkingLab", ["Input.StartsOn"] = "1.2.2027", ["Input.EndsOn"] = "",
            ["Input.Activate"] = "true", ["Input.Version"] = "0",
        });

        Assert.Equal(m.NotADate, FormPosts.ErrorOf(page, "starts"));
        Assert.Equal("", FormPosts.ErrorOf(page, "ends"));
        Assert.NotEqual("", FormPosts.ErrorOf(page, "title"));
        Assert.NotEqual("", FormPosts.ErrorOf(page, "field"));
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal(labs, await app.LabsDbAsync(db => db.Labs.CountAsync()));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_need_and_offer_forms_report_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        using var client = await ClientAsync(language, DemoUsers.Representative);
        var before = await app.LabsDbAsync(async db => (await db.Needs.CountAsync(), await db.Offers.CountAsync()));
        var required = await app.TextAsync<LabsText>(language, "Validation_Required");

        var need = await client.PostFormAsync("/labs/needs/new", "new-need", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Until"] = "bald", ["Input.Quantity"] = "drei",
        });
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(need, "until"));
        Assert.Equal(m.NotAWholeNumber, FormPosts.ErrorOf(need, "quantity"));
        Assert.Equal(required, FormPosts.ErrorOf(need, "title"));
        FormPosts.HasNoBinderMessage(need);

        var offer = await client.PostFormAsync("/labs/offers/new", "new-offer", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Quantity"] = "1,5",
        });
        Assert.Equal(m.NotAWholeNumber, FormPosts.ErrorOf(offer, "quantity"));
        Assert.Equal(required, FormPosts.ErrorOf(offer, "title"));
        FormPosts.HasNoBinderMessage(offer);

        Assert.Equal(before, await app.LabsDbAsync(async db => (await db.Needs.CountAsync(), await db.Offers.CountAsync())));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_outcome_progress_form_reports_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        var (id, percent) = await app.LabsDbAsync(db => db.Outcomes.OrderBy(o => o.Title).Select(o => new { o.Id, o.Percent }).FirstAsync().ContinueWith(t => (t.Result.Id, t.Result.Percent)));
        var notes = await app.LabsDbAsync(db => db.OutcomeNotes.CountAsync());
        using var client = await ClientAsync(language);

        var page = await client.PostFormAsync($"/labs/outcomes/{id}", "outcome-progress", new Dictionary<string, string>
        {
            ["Input.Status"] = "InProgress", ["Input.Percent"] = "", ["Input.NoteDate"] = "gestern", ["Input.Note"] = new string('x', 4001), ["Input.Version"] = "0",
        });

        Assert.Equal(m.Missing, FormPosts.ErrorOf(page, "percent"));
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(page, "note-date"));
        Assert.Equal(await app.TextAsync<LabsText>(language, "Validation_TooLong"), FormPosts.ErrorOf(page, "note"));
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal(notes, await app.LabsDbAsync(db => db.OutcomeNotes.CountAsync()));
        Assert.Equal(percent, await app.LabsDbAsync(db => db.Outcomes.Where(o => o.Id == id).Select(o => o.Percent).SingleAsync()));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_programme_contact_form_stays_open_with_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        var lab = await app.LabIdAsync(LabsDemoSeeder.Programme);
        var participant = await app.LabsDbAsync(db => db.Participants.Where(p => p.LabId == lab).OrderBy(p => p.Name).Select(p => new { p.Id, p.Version, p.LastContactOn }).FirstAsync());
        var history = await app.LabsDbAsync(db => db.ParticipantStatusChanges.CountAsync());
        using var client = await ClientAsync(language);

        var page = await client.PostFormAsync($"/labs/{lab}/programme", $"contact-{participant.Id}", new Dictionary<string, string>
        {
            ["Act.Id"] = participant.Id.ToString(), ["Act.Version"] = participant.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Act.Status"] = "InProgramme", ["Act.On"] = "", ["Act.FollowUpOn"] = "nächste Woche", ["Act.Note"] = new string('x', 2001),
        });

        Assert.Equal(m.Missing, FormPosts.ErrorOf(page, $"contact-on-{participant.Id}"));
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(page, $"contact-follow-{participant.Id}"));
        Assert.Equal(await app.TextAsync<LabsText>(language, "Validation_TooLong"), FormPosts.ErrorOf(page, $"contact-note-{participant.Id}"));
        Assert.True(IsOpen(page, $"contact-{participant.Id}"), "the refused contact form stays open");
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal(history, await app.LabsDbAsync(db => db.ParticipantStatusChanges.CountAsync()));
        Assert.Equal(participant.LastContactOn, await app.LabsDbAsync(db => db.Participants.Where(p => p.Id == participant.Id).Select(p => p.LastContactOn).SingleAsync()));
    }
}
