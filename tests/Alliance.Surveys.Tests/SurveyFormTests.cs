using Alliance.Surveys.Builder;
using Alliance.Surveys.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>
/// The survey builder's forms posted like a browser with empty and mistyped numbers and dates (docs/modules.md "Forms:
/// typed values are text"): every field's message at once, inline, in the page's language, the validator's too, no
/// English binder message, nothing stored.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class SurveyFormTests(AllianceApp app)
{
    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_settings_form_reports_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        var id = await app.SendAsync(new CreateSurvey($"Einstellungen {language}", $"Settings {language}"), await app.StaffAsync());
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.UseLanguageAsync(language);

        var page = await client.PostFormAsync($"/surveys/{id}/settings", "survey-settings", new Dictionary<string, string>
        {
            ["Input.Version"] = "0", ["Input.TitleDe"] = "", ["Input.TitleEn"] = "Changed", ["Input.ResponseUnit"] = "Organization",
            ["Input.OpensOn"] = "", ["Input.ClosesOn"] = "31.12.", ["Input.ReminderMax"] = "zwei", ["Input.ReminderIntervalDays"] = "", ["Input.MinGroupSize"] = "5",
        });

        Assert.Equal(m.Missing, FormPosts.ErrorOf(page, "opens"));
        Assert.Equal(m.NotADate, FormPosts.ErrorOf(page, "closes"));
        Assert.Equal(m.NotAWholeNumber, FormPosts.ErrorOf(page, "reminder-max"));
        Assert.Equal(m.Missing, FormPosts.ErrorOf(page, "reminder-interval"));
        Assert.Equal("", FormPosts.ErrorOf(page, "min-group"));
        Assert.Equal(await app.TextAsync<SurveysText>(language, "Field_Required"), FormPosts.ErrorOf(page, "title-de"));
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal($"Settings {language}", await app.SurveysDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.TitleEn).SingleAsync()));
    }

    [Fact]
    public async Task The_audience_form_finds_labs_by_search_and_the_survey_page_names_the_chosen_lab()
    {
        var id = await app.SendAsync(new CreateSurvey("Laborpublikum", "Lab audience"), await app.StaffAsync());
        var (labId, labTitle) = await app.WithScopeAsync(async sp =>
        {
            var lab = (await sp.GetRequiredService<MediatR.IMediator>().Send(new Alliance.Labs.Contracts.GetLabs()))
                .First(l => l.Status != Alliance.Labs.Contracts.LabStatus.Concluded);
            return (lab.Id, lab.Title);
        });
        using var client = await app.SignedInAsync(DemoUsers.Staff);

        // The form lists no lab until one searches; "Suchen" lists the matches as checkboxes and saves nothing.
        var form = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/surveys/{id}/audience"));
        Assert.DoesNotContain(labTitle, form, StringComparison.Ordinal);
        var searched = await client.PostFormAsync($"/surveys/{id}/audience", "audience", new Dictionary<string, string>
        {
            ["picker-search"] = "labs", ["picker-q-labs"] = labTitle,
        });
        Assert.Contains($"name=\"Input.LabIds\" value=\"{labId}\"", searched, StringComparison.Ordinal);
        Assert.Empty((await app.SurveysDbAsync(db => db.Surveys.AsNoTracking().SingleAsync(s => s.Id == id))).Audience.LabIds);

        // Ticking it and saving stores the lab; the survey's page names it (asked from Labs by id).
        using var saved = await client.SubmitFormAsync($"/surveys/{id}/audience", "audience", new Dictionary<string, string> { ["Input.LabIds"] = labId.ToString() });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([labId], (await app.SurveysDbAsync(db => db.Surveys.AsNoTracking().SingleAsync(s => s.Id == id))).Audience.LabIds);
        Assert.Contains(labTitle, System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/surveys/{id}")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task The_question_form_reports_every_field_in_the_language(string language)
    {
        var m = FormPosts.Messages(language);
        var staff = await app.StaffAsync();
        var id = await app.SendAsync(new CreateSurvey($"Fragen {language}", $"Questions {language}"), staff);
        var section = await app.SendAsync(new AddSection(id, "Teil 1", "Part 1"), staff);
        using var client = await app.SignedInAsync(DemoUsers.Staff);
        await client.UseLanguageAsync(language);

        var page = await client.PostFormAsync($"/surveys/{id}/questions/new?section={section}", "question-form", new Dictionary<string, string>
        {
            ["Input.SectionId"] = section.ToString(), ["Input.Kind"] = "Scale", ["Input.TextDe"] = "", ["Input.TextEn"] = "How satisfied?",
            ["Input.ScaleMin"] = "eins", ["Input.ScaleMax"] = "5", ["Input.NumberMin"] = "1.2.3",
        });

        Assert.Equal(m.NotAWholeNumber, FormPosts.ErrorOf(page, "scale-min"));
        Assert.Equal(m.NotALocalNumber, FormPosts.ErrorOf(page, "number-min"));
        Assert.Equal(await app.TextAsync<SurveysText>(language, "Field_Required"), FormPosts.ErrorOf(page, "text-de"));
        FormPosts.HasNoBinderMessage(page);
        Assert.Equal(0, await app.SurveysDbAsync(db => db.Questions.CountAsync(q => q.SectionId == section)));
    }
}
