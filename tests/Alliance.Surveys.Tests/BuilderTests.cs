using System.Net;
using System.Net.Http.Json;
using Alliance.Members.Contracts;
using Alliance.Surveys.Builder;
using Alliance.Surveys.Contracts;
using Alliance.Surveys.Demo;
using Alliance.Surveys.Domain;
using Alliance.Surveys.SurveysCore;
using Alliance.Surveys.Waves;
using Alliance.Shared.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Alliance.Surveys.Tests;

/// <summary>The builder through the API and MediatR: templates, order, duplicates, conditions, waves, statistics, demo data.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class BuilderTests(AllianceApp app)
{
    [Theory]
    [InlineData(SurveyTemplates.EnvironmentAndHealth, "Unternehmensbefragung Umwelt- und Gesundheitsmanagement", 10)]
    [InlineData(SurveyTemplates.TrainingNeeds, "Bedarfsermittlung Weiterbildung", 7)]
    public async Task A_template_gives_a_bilingual_draft_with_its_questions(string template, string title, int questions)
    {
        var client = await app.SignedInAsync(DemoUsers.Staff);
        var created = await client.PostAsJsonAsync("/api/surveys", new { template });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var page = await app.SendAsync(new GetSurvey(id), await app.StaffAsync());
        Assert.Equal(title, page.TitleDe);
        Assert.False(string.IsNullOrEmpty(page.TitleEn));
        Assert.Equal(SurveyStatus.Draft, page.Status);
        var all = page.Sections.SelectMany(s => s.Questions).ToList();
        Assert.Equal(questions, all.Count);
        Assert.All(all, q => Assert.False(string.IsNullOrWhiteSpace(q.TextEn)));
        Assert.All(all.SelectMany(q => q.Options), o => Assert.False(string.IsNullOrWhiteSpace(o.LabelEn)));
    }

    [Fact]
    public async Task Unknown_template_and_bad_question_are_400_and_store_nothing()
    {
        var client = await app.SignedInAsync(DemoUsers.Staff);
        var before = await app.SurveysDbAsync(db => db.Surveys.CountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/surveys", new { template = "nope" })).StatusCode);
        Assert.Equal(before, await app.SurveysDbAsync(db => db.Surveys.CountAsync()));

        var staff = await app.StaffAsync();
        var id = await app.SendAsync(new CreateSurvey("Prüfung", "Check"), staff);
        var section = await app.SendAsync(new AddSection(id, "A", "A"), staff);
        var scale = await client.PostAsJsonAsync($"/api/surveys/sections/{section}/questions", new { kind = "Scale", textDe = "Wie?", textEn = "How?", scaleMin = 5, scaleMax = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, scale.StatusCode);
        var choice = await client.PostAsJsonAsync($"/api/surveys/sections/{section}/questions", new { kind = "SingleChoice", textDe = "Was?", textEn = "What?", options = new[] { new { labelDe = "A", labelEn = "A" } } });
        Assert.Equal(HttpStatusCode.BadRequest, choice.StatusCode);
        Assert.False(await app.SurveysDbAsync(db => db.Questions.AnyAsync(q => q.SurveyId == id)));
        // Representatives may not build.
        var representative = await app.SignedInAsync(DemoUsers.Representative);
        Assert.Equal(HttpStatusCode.Forbidden, (await representative.PostAsJsonAsync("/api/surveys", new { titleDe = "X", titleEn = "X" })).StatusCode);
    }

    [Fact]
    public async Task Reorder_duplicate_and_conditions_keep_the_questionnaire_consistent()
    {
        var staff = await app.StaffAsync();
        var survey = await app.CreateKindsSurveyAsync(title: "Reihenfolge");
        var yesNo = survey.Questions[QuestionKind.YesNo];

        // The conditional question (last) cannot move above its source, and a condition cannot point forward.
        var page = await app.SendAsync(new GetSurvey(survey.Id), staff);
        var order = page.Sections[0].Questions.Select(q => q.Id).ToList();
        var sourceIndex = order.IndexOf(yesNo);
        for (var i = order.Count - 1; i > sourceIndex + 1; i--)
        {
            await app.SendAsync(new MoveQuestion(survey.ConditionalQuestion, Up: true), staff);
        }

        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(new MoveQuestion(survey.ConditionalQuestion, Up: true), staff));
        page = await app.SendAsync(new GetSurvey(survey.Id), staff);
        order = page.Sections[0].Questions.Select(q => q.Id).ToList();
        Assert.Equal(order.IndexOf(yesNo) + 1, order.IndexOf(survey.ConditionalQuestion));
        Assert.Equal(Enumerable.Range(1, order.Count), page.Sections[0].Questions.Select(q => q.Position));
        var first = order[0];
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(
            new UpdateQuestion(first, QuestionKind.ShortText, "Erste", "First", ShowIfOptionId: survey.Options[QuestionKind.YesNo][0]), staff));

        // Duplicate lands right below with its options and condition; delete closes the gap.
        var copy = await app.SendAsync(new DuplicateQuestion(survey.ConditionalQuestion), staff);
        page = await app.SendAsync(new GetSurvey(survey.Id), staff);
        var questions = page.Sections[0].Questions;
        var original = questions.Single(q => q.Id == survey.ConditionalQuestion);
        var duplicate = questions.Single(q => q.Id == copy);
        Assert.Equal(original.Position + 1, duplicate.Position);
        Assert.Equal(original.ShowIfOptionId, duplicate.ShowIfOptionId);
        await app.SendAsync(new DeleteQuestion(yesNo), staff);
        page = await app.SendAsync(new GetSurvey(survey.Id), staff);
        Assert.All(page.Sections[0].Questions, q => Assert.Null(q.ShowIfOptionId));
        Assert.Equal(Enumerable.Range(1, page.Sections[0].Questions.Count), page.Sections[0].Questions.Select(q => q.Position));

        // A second section: moving the first question down past the end of section 1 puts it first in section 2.
        var second = await app.SendAsync(new AddSection(survey.Id, "Teil 2", "Part 2"), staff);
        var last = page.Sections[0].Questions[^1].Id;
        await app.SendAsync(new MoveQuestion(last, Up: false), staff);
        page = await app.SendAsync(new GetSurvey(survey.Id), staff);
        Assert.Equal(last, Assert.Single(page.Sections.Single(s => s.Id == second).Questions).Id);
    }

    [Fact]
    public async Task Run_again_makes_the_next_wave_with_the_same_questions()
    {
        var staff = await app.StaffAsync();
        var survey = await app.CreateKindsSurveyAsync(title: "Wellen");
        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(new RunNextWave(survey.Id), staff));
        await app.PublishToAsync(survey.Id, await app.RepresentativeOrganizationAsync());

        var next = await app.SendAsync(new RunNextWave(survey.Id), staff);
        var page = await app.SendAsync(new GetSurvey(next), staff);
        var first = await app.SendAsync(new GetSurvey(survey.Id), staff);
        Assert.Equal(2, page.Wave);
        Assert.Equal(first.SeriesId, page.SeriesId);
        Assert.Equal(survey.Id, page.PreviousWaveId);
        Assert.Equal(SurveyStatus.Draft, page.Status);
        Assert.Equal(first.Sections.SelectMany(s => s.Questions).Select(q => (q.Kind, q.TextDe)), page.Sections.SelectMany(s => s.Questions).Select(q => (q.Kind, q.TextDe)));
        Assert.Equal(next, first.NextWaveId);
        Assert.False(first.CanRunAgain);
        await Assert.ThrowsAsync<ConflictException>(() => app.SendAsync(new RunNextWave(survey.Id), staff));
    }

    [Fact]
    public async Task Demo_data_has_a_closed_survey_with_about_30_responses_and_a_running_one_and_statistics_count_them()
    {
        var (closed, running) = await app.SurveysDbAsync(async db =>
            (await db.Surveys.SingleAsync(s => s.TitleDe == SurveysDemoSeeder.ClosedSurvey && s.Status != SurveyStatus.Draft),
             await db.Surveys.SingleAsync(s => s.TitleDe == SurveysDemoSeeder.OpenSurvey && s.Status != SurveyStatus.Draft)));
        Assert.Equal(SurveyStatus.Closed, closed.Status);
        Assert.Equal(SurveyStatus.Published, running.Status);
        var responses = await app.SurveysDbAsync(db => db.Responses.CountAsync(r => r.SurveyId == closed.Id));
        Assert.InRange(responses, 25, 35);
        // Varied answers: both yes and no to the first question.
        var firstQuestion = await app.SurveysDbAsync(db => db.Questions.Where(q => q.SurveyId == closed.Id && q.Kind == QuestionKind.YesNo).OrderBy(q => q.Position).Select(q => q.Id).FirstAsync());
        Assert.Equal(2, await app.SurveysDbAsync(db => db.Answers.Where(a => a.QuestionId == firstQuestion).Select(a => a.OptionId).Distinct().CountAsync()));

        var statistics = await app.SendAsync(new GetSurveyStatistics(closed.OpensOn, closed.ClosesOn));
        var figures = Assert.Single(statistics.Surveys, s => s.SurveyId == closed.Id);
        Assert.Equal(responses, figures.Responded);
        Assert.True(figures.Invited >= responses);
        Assert.NotEmpty(figures.Headlines);
        Assert.InRange(figures.Headlines[0].Share, 0.01m, 0.99m);

        // The representative's organisation still has to answer the running survey: her dashboard query lists it.
        var waiting = await app.SendAsync(new Alliance.Surveys.Dashboard.ListMyOpenSurveys(), await app.PrincipalAsync(DemoUsers.Representative));
        Assert.Contains(waiting, w => w.TitleDe == SurveysDemoSeeder.OpenSurvey);
    }
}
