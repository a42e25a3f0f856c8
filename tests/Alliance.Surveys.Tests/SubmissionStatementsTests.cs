using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Alliance.Members.Contracts;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>
/// What one submission through the personal link costs the database, counted from Npgsql's own trace of every command
/// (its <c>Npgsql</c> activity source) — so the count cannot creep back up unnoticed. Before, a submission of this
/// 10-question survey sent 11 commands with 23 statements, counted the same way: the invitation, the survey, the
/// questionnaire in three, Members' organisation, the "answered" update, the draft's delete, and EF Core's savepoint,
/// one batch of 13 inserts (the response and 12 answers through the change tracker) and the savepoint's release.
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class SubmissionStatementsTests(AllianceApp app)
{
    [Fact]
    public async Task A_submission_sends_three_statements_once_the_questionnaire_is_known_and_stores_every_answer()
    {
        var organizations = (await app.SendAsync(new GetActiveOrganizations())).Take(2).ToList();
        var survey = await app.CreateKindsSurveyAsync(title: "Drei Anweisungen");
        await app.PublishToAsync(survey.Id, [.. organizations.Select(o => o.Id)]);

        // The first respondent's submission reads the questionnaire (three statements) and keeps it in memory.
        var first = await CountedSubmitAsync(survey, organizations[0].Id);
        Assert.True(app.Services.GetRequiredService<PublishedQuestionnaires>().Holds(survey.Id));
        Assert.True(first.Count == 6, Describe(first));

        // Every further one: the invitation with its survey, Members' organisation, and one statement that marks the
        // invitation answered, drops the draft and inserts the response with all its answers.
        var second = await CountedSubmitAsync(survey, organizations[1].Id);
        Assert.True(second.Count == 3, Describe(second));
        Assert.Single(second, s => s.Contains("surveys.invitations", StringComparison.Ordinal) && s.Contains("JOIN surveys.surveys", StringComparison.Ordinal));
        Assert.Single(second, s => s.Contains("INSERT INTO surveys.answers", StringComparison.Ordinal));

        // The one statement stored what the tracked entities used to: 12 answer rows (single choice "other", two
        // multiple choices, yes, scale, number, two texts, date, two matrix rows, the conditional text) and the
        // organisation's partner group, sector and size class as Members has them now.
        var stored = await app.SurveysDbAsync(async db => await db.Responses.Where(r => r.SurveyId == survey.Id)
            .Select(r => new { r.OrganizationId, r.PartnerGroup, r.Sector, r.SizeClass, r.SubmittedOn, Answers = db.Answers.Count(a => a.ResponseId == r.Id) })
            .ToListAsync());
        Assert.Equal(2, stored.Count);
        foreach (var organization in organizations)
        {
            var response = Assert.Single(stored, r => r.OrganizationId == organization.Id);
            Assert.Equal(12, response.Answers);
            Assert.Equal(organization.PartnerGroup.ToString(), response.PartnerGroup);
            Assert.Equal(organization.Sector, response.Sector);
            Assert.Equal(organization.SizeClass == SizeClass.Unknown ? null : organization.SizeClass.ToString(), response.SizeClass);
        }

        Assert.True(await app.SurveysDbAsync(db => db.Invitations.Where(i => i.SurveyId == survey.Id).AllAsync(i => i.Answered)));
    }

    [Fact]
    public async Task A_draft_is_never_kept_in_memory_and_a_new_version_is_read_as_a_new_questionnaire()
    {
        var organization = await app.RepresentativeOrganizationAsync();
        var staff = await app.StaffAsync();
        var questionnaires = app.Services.GetRequiredService<PublishedQuestionnaires>();
        var survey = await app.CreateKindsSurveyAsync(title: "Erste Fassung");
        Assert.Equal(10, await QuestionCountAsync(survey.Id));
        Assert.False(questionnaires.Holds(survey.Id));

        await app.PublishToAsync(survey.Id, organization);
        var token = await app.TokenAsync(survey.Id, organization);
        var form = await app.Anonymous().GetAsync($"/api/surveys/{survey.Id}/answer/{token}");
        Assert.Equal(10, (await form.JsonAsync()).GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("questions").GetArrayLength()));
        Assert.True(questionnaires.Holds(survey.Id));

        // A change makes a new survey (a draft copy with its own id): edited as a draft, its questionnaire is read afresh
        // once published, while the first version's stays as it was.
        var copy = await app.SendAsync(new Alliance.Surveys.Builder.CopySurvey(survey.Id), staff);
        var section = await app.SurveysDbAsync(db => db.Sections.Where(s => s.SurveyId == copy).Select(s => s.Id).SingleAsync());
        await app.SendAsync(new Alliance.Surveys.Builder.AddQuestion(section, QuestionKind.ShortText, "Neu", "New"), staff);
        Assert.Equal(11, await QuestionCountAsync(copy));
        Assert.False(questionnaires.Holds(copy));
        await app.PublishToAsync(copy, organization);
        var copyToken = await app.TokenAsync(copy, organization);
        var copyForm = await app.Anonymous().GetAsync($"/api/surveys/{copy}/answer/{copyToken}");
        Assert.Equal(11, (await copyForm.JsonAsync()).GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("questions").GetArrayLength()));
        Assert.Equal(10, await QuestionCountAsync(survey.Id));
    }

    // The questionnaire as the survey's answering path sees it (from memory once published).
    private Task<int> QuestionCountAsync(Guid surveyId) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Alliance.Surveys.Persistence.SurveysDbContext>();
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == surveyId);
        return (await sp.GetRequiredService<PublishedQuestionnaires>().LoadAsync(db, survey, CancellationToken.None)).Questions.Count();
    });

    private async Task<List<string>> CountedSubmitAsync(KindsSurvey survey, Guid organization)
    {
        var token = await app.TokenAsync(survey.Id, organization);
        var client = app.Anonymous();
        var statements = new ConcurrentQueue<string>();
        using var trace = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivityTraceId? traceId = null;
        trace.ActivityStopped = activity =>
        {
            // Only the commands of this request: HttpClient carries the trace id to the host (traceparent), whose request
            // activity is the parent of every command sent while handling it; background folds run in traces of their own.
            if (activity.Source.Name == "Npgsql" && activity.TraceId == traceId)
            {
                statements.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
            }
        };
        ActivitySource.AddActivityListener(trace);
        using var submit = new Activity("submit").SetIdFormat(ActivityIdFormat.W3C).Start();
        traceId = submit.TraceId;

        var response = await client.SubmitAsync(survey.Id, token, SurveyTestData.FullAnswers(survey));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return [.. statements];
    }

    private static string Describe(List<string> statements) =>
        $"{statements.Count} statements:\n" + string.Join("\n---\n", statements);
}
