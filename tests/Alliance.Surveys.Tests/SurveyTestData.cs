using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Alliance.Shared.Security;
using Alliance.Surveys.Builder;
using Alliance.Surveys.Common;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Publishing;
using Alliance.Surveys.SurveysCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>A survey with one question of every kind, as the tests build it.</summary>
internal sealed record KindsSurvey(Guid Id, Dictionary<QuestionKind, Guid> Questions, Dictionary<QuestionKind, List<Guid>> Options, Guid ConditionalQuestion);

/// <summary>Building, publishing and reading surveys in tests.</summary>
internal static class SurveyTestData
{
    public static Task<ClaimsPrincipal> StaffAsync(this AllianceApp app) => app.PrincipalAsync(DemoUsers.Staff);

    public static async Task<Guid> RepresentativeOrganizationAsync(this AllianceApp app) =>
        Guid.Parse((await app.PrincipalAsync(DemoUsers.Representative)).FindFirstValue(AllianceClaimTypes.OrganizationId)!);

    public static Task<T> SurveysDbAsync<T>(this AllianceApp app, Func<SurveysDbContext, Task<T>> query) =>
        app.WithScopeAsync(sp => query(sp.GetRequiredService<SurveysDbContext>()));

    /// <summary>
    /// A draft with one section and nine questions, one per kind (single choice with "other"), plus a long text shown
    /// only when the yes/no question is answered "yes". Every question except the conditional one is required.
    /// </summary>
    public static async Task<KindsSurvey> CreateKindsSurveyAsync(this AllianceApp app, bool anonymous = false, string title = "Alle Fragenarten")
    {
        var staff = await app.StaffAsync();
        var id = await app.SendAsync(new CreateSurvey(title, "All kinds"), staff);
        if (anonymous)
        {
            var page = await app.SendAsync(new GetSurvey(id), staff);
            await app.SendAsync(new UpdateSurveySettings(id, page.Version, page.TitleDe, page.TitleEn, null, null, true, ResponseUnit.Organization,
                page.OpensOn, page.ClosesOn, 2, 7, 5), staff);
        }

        var section = await app.SendAsync(new AddSection(id, "Teil 1", "Part 1"), staff);
        var questions = new Dictionary<QuestionKind, Guid>();
        OptionInput[] choices = [new("Rot", "Red"), new("Grün", "Green"), new("Blau", "Blue")];
        foreach (var kind in Enum.GetValues<QuestionKind>())
        {
            questions[kind] = await app.SendAsync(new AddQuestion(section, kind, $"Frage {kind}", $"Question {kind}", Required: true,
                AllowOther: kind == QuestionKind.SingleChoice,
                ScaleMin: kind is QuestionKind.Scale or QuestionKind.Matrix ? 1 : null, ScaleMax: kind is QuestionKind.Scale or QuestionKind.Matrix ? 5 : null,
                NumberMin: kind == QuestionKind.Number ? 0 : null, NumberMax: kind == QuestionKind.Number ? 100 : null,
                Options: kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? choices
                    : kind == QuestionKind.Matrix ? [new("Zeile A", "Row A"), new("Zeile B", "Row B")] : null), staff);
        }

        var options = await app.SurveysDbAsync(db => db.Options.Where(o => questions.Values.Contains(o.QuestionId)).OrderBy(o => o.Position).ToListAsync());
        var byKind = questions.ToDictionary(q => q.Key, q => options.Where(o => o.QuestionId == q.Value).Select(o => o.Id).ToList());
        var conditional = await app.SendAsync(new AddQuestion(section, QuestionKind.LongText, "Warum ja?", "Why yes?",
            Required: true, ShowIfOptionId: byKind[QuestionKind.YesNo][0]), staff);
        return new KindsSurvey(id, questions, byKind, conditional);
    }

    /// <summary>Sends the draft to these organisations and publishes it.</summary>
    public static async Task<PublishResult> PublishToAsync(this AllianceApp app, Guid surveyId, params Guid[] organizations)
    {
        var staff = await app.StaffAsync();
        await app.SendAsync(new SetSurveyAudience(surveyId, false, OrganizationIds: organizations), staff);
        var page = await app.SendAsync(new GetSurvey(surveyId), staff);
        return await app.SendAsync(new PublishSurvey(surveyId, page.Version), staff);
    }

    /// <summary>The personal link's token of an organisation's invitation (as the mail has it).</summary>
    public static Task<string> TokenAsync(this AllianceApp app, Guid surveyId, Guid organizationId) =>
        app.WithScopeAsync(async sp =>
        {
            var invitation = await sp.GetRequiredService<SurveysDbContext>().Invitations.SingleAsync(i => i.SurveyId == surveyId && i.OrganizationId == organizationId);
            return sp.GetRequiredService<InvitationTokens>().Reveal(invitation.TokenProtected);
        });

    /// <summary>Valid answers to every kind (yes to the yes/no question, so the conditional one is answered too).</summary>
    public static object[] FullAnswers(KindsSurvey s) =>
    [
        new { questionId = s.Questions[QuestionKind.SingleChoice], optionIds = Array.Empty<Guid>(), other = "Gelb" },
        new { questionId = s.Questions[QuestionKind.MultipleChoice], optionIds = new[] { s.Options[QuestionKind.MultipleChoice][0], s.Options[QuestionKind.MultipleChoice][2] } },
        new { questionId = s.Questions[QuestionKind.YesNo], optionIds = new[] { s.Options[QuestionKind.YesNo][0] } },
        new { questionId = s.Questions[QuestionKind.Scale], scale = 4 },
        new { questionId = s.Questions[QuestionKind.Number], number = 42.5m },
        new { questionId = s.Questions[QuestionKind.ShortText], text = "=SUMME(A1)" },
        new { questionId = s.Questions[QuestionKind.LongText], text = "Lang\nmehrzeilig" },
        new { questionId = s.Questions[QuestionKind.Date], date = "2026-12-24" },
        new { questionId = s.Questions[QuestionKind.Matrix], rows = new[] { new { rowId = s.Options[QuestionKind.Matrix][0], value = 1 }, new { rowId = s.Options[QuestionKind.Matrix][1], value = 5 } } },
        new { questionId = s.ConditionalQuestion, text = "Weil es hilft" },
    ];

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Guid surveyId, string token, object[] answers) =>
        client.PostAsJsonAsync($"/api/surveys/{surveyId}/answer/{token}", new { answers });

    public static Task<HttpResponseMessage> SaveAsync(this HttpClient client, Guid surveyId, string token, object[] answers) =>
        client.PutAsJsonAsync($"/api/surveys/{surveyId}/answer/{token}/draft", new { answers });

    /// <summary>Whether a problem's errors name this field (the API writes field names in camel case).</summary>
    public static bool HasError(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
