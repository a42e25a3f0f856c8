using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Alliance.Surveys.Tests;

/// <summary>
/// What the builder's 201s point at answers GET through HTTP: a new survey, its section (with its questions) and
/// a question (with its options), also a duplicated one — for staff; representatives are refused (403), unknown
/// ids are 404 problems.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class CreatedLocationReadTests(AllianceApp app)
{
    [Fact]
    public async Task Staff_read_the_survey_section_and_questions_they_created_at_each_Location()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        var survey = await staff.PostAsJsonAsync("/api/surveys", new { titleDe = "Standortzufriedenheit", titleEn = "Location satisfaction" });
        Assert.Equal(HttpStatusCode.Created, survey.StatusCode);
        var surveyId = (await survey.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal("Standortzufriedenheit", (await staff.GetFromJsonAsync<JsonElement>(survey.Headers.Location!.OriginalString)).GetProperty("titleDe").GetString());

        var section = await staff.PostAsJsonAsync($"/api/surveys/{surveyId}/sections", new { titleDe = "Verkehr", titleEn = "Traffic" });
        Assert.Equal(HttpStatusCode.Created, section.StatusCode);
        var sectionId = (await section.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/surveys/sections/{sectionId}", section.Headers.Location!.OriginalString);

        var question = await staff.PostAsJsonAsync($"/api/surveys/sections/{sectionId}/questions", new
        {
            kind = "SingleChoice", textDe = "Wie erreichen Ihre Kunden Sie?", textEn = "How do your customers reach you?", required = true,
            options = new[] { new { labelDe = "Zu Fuß", labelEn = "On foot" }, new { labelDe = "Mit dem Auto", labelEn = "By car" } },
        });
        Assert.Equal(HttpStatusCode.Created, question.StatusCode);
        var questionId = (await question.JsonAsync()).GetProperty("id").GetGuid();
        var read = await staff.GetFromJsonAsync<JsonElement>(question.Headers.Location!.OriginalString);
        Assert.Equal(questionId, read.GetProperty("id").GetGuid());
        Assert.Equal(sectionId, read.GetProperty("sectionId").GetGuid());
        Assert.Equal("SingleChoice", read.GetProperty("kind").GetString());
        Assert.Equal("How do your customers reach you?", read.GetProperty("textEn").GetString());
        Assert.True(read.GetProperty("required").GetBoolean());
        Assert.Equal(new[] { "Zu Fuß", "Mit dem Auto" }, read.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("labelDe").GetString()!).ToArray());

        var copy = await staff.PostAsync($"/api/surveys/questions/{questionId}/duplicate", null);
        Assert.Equal(HttpStatusCode.Created, copy.StatusCode);
        var copyId = (await copy.JsonAsync()).GetProperty("id").GetGuid();
        var copied = await staff.GetFromJsonAsync<JsonElement>(copy.Headers.Location!.OriginalString);
        Assert.Equal(copyId, copied.GetProperty("id").GetGuid());
        Assert.NotEqual(questionId, copyId);
        Assert.Equal("Wie erreichen Ihre Kunden Sie?", copied.GetProperty("textDe").GetString());
        Assert.Equal(2, copied.GetProperty("options").GetArrayLength());

        // The section lists both questions in order, with their options.
        var sectionRead = await staff.GetFromJsonAsync<JsonElement>(section.Headers.Location!.OriginalString);
        Assert.Equal("Verkehr", sectionRead.GetProperty("titleDe").GetString());
        Assert.Equal("Traffic", sectionRead.GetProperty("titleEn").GetString());
        Assert.Equal(new[] { questionId, copyId }, sectionRead.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToArray());
        Assert.All(sectionRead.GetProperty("questions").EnumerateArray(), q => Assert.Equal(2, q.GetProperty("options").GetArrayLength()));

        // The builder is the office's: a representative reads neither.
        using var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync(section.Headers.Location!.OriginalString)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.GetAsync(question.Headers.Location!.OriginalString)).StatusCode);

        foreach (var unknown in new[] { $"/api/surveys/sections/{Guid.NewGuid()}", $"/api/surveys/questions/{Guid.NewGuid()}" })
        {
            var response = await staff.GetAsync(unknown);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
