using Alliance.Surveys.Builder;
using Alliance.Surveys.Resources;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Tests;

/// <summary>
/// The survey builder's forms posted like a browser with empty and mistyped numbers and dates (docs/modules.md "Forms:
/// typed values are text"): every field's message at once, inline, in the page's language, the validator's too, no
/// English binder message, nothing stored.
/// </summary>
public sealed class SurveyFormTests(AllianceApp app) : IClassFixture<AllianceApp>
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
