using System.Net;
using Alliance.Members.Contracts;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Reminders;
using Alliance.Surveys.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>The daily jobs: reminders (never twice, never to those who answered) and closing.</summary>
[Collection(SharedAlliance.Collection)]
public sealed class RemindersTests(AllianceApp app)
{
    [Fact]
    public async Task Two_runs_send_one_reminder_and_none_to_those_who_answered()
    {
        var organizations = (await app.SendAsync(new GetActiveOrganizations())).Take(3).Select(o => o.Id).ToArray();
        var survey = await app.CreateKindsSurveyAsync(title: "Erinnerungstest");
        await app.PublishToAsync(survey.Id, organizations);
        // The first organisation answers; the invitations were sent eight days ago.
        var token = await app.TokenAsync(survey.Id, organizations[0]);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Anonymous().SubmitAsync(survey.Id, token, SurveyTestData.FullAnswers(survey))).StatusCode);
        await app.SurveysDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE surveys.invitations SET invited_at = now() - interval '8 days' WHERE survey_id = {survey.Id}"));
        var mailed = await app.SurveysDbAsync(db => db.Invitations.Where(i => i.SurveyId == survey.Id && !i.Answered && i.MailRecipients > 0).CountAsync());
        var before = await ReminderMailsAsync(survey.Id);

        var first = await app.SendAsync(new SendSurveyReminders());
        var second = await app.SendAsync(new SendSurveyReminders());

        Assert.True(mailed > 0, "the demo organisations have contacts who may be mailed");
        Assert.Equal(mailed, first);
        Assert.Equal(0, second);
        var invitations = await app.SurveysDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.SurveyId == survey.Id).ToListAsync());
        Assert.Equal(0, invitations.Single(i => i.OrganizationId == organizations[0]).RemindersSent);
        Assert.All(invitations.Where(i => !i.Answered && i.MailRecipients > 0), i => Assert.Equal(1, i.RemindersSent));
        var recipients = invitations.Where(i => !i.Answered).Sum(i => i.MailRecipients);
        Assert.Equal(recipients, await ReminderMailsAsync(survey.Id) - before);
    }

    [Fact]
    public async Task Surveys_past_their_closing_day_are_closed_once()
    {
        var survey = await app.CreateKindsSurveyAsync(title: "Schließtest");
        await app.PublishToAsync(survey.Id, await app.RepresentativeOrganizationAsync());
        await app.SurveysDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE surveys.surveys SET opens_on = current_date - 10, closes_on = current_date - 2 WHERE id = {survey.Id}"));

        Assert.True(await app.SendAsync(new CloseDueSurveys()) >= 1);
        Assert.Equal(0, await app.SendAsync(new CloseDueSurveys()));
        Assert.Equal(SurveyStatus.Closed, await app.SurveysDbAsync(db => db.Surveys.Where(s => s.Id == survey.Id).Select(s => s.Status).SingleAsync()));
    }

    /// <summary>Reminder mails of the survey queued in the surveys' outbox (the mail's text names the survey's title).</summary>
    private Task<int> ReminderMailsAsync(Guid surveyId) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SurveysDbContext>();
            var title = await db.Surveys.Where(s => s.Id == surveyId).Select(s => s.TitleDe).SingleAsync();
            var english = await db.Surveys.Where(s => s.Id == surveyId).Select(s => s.TitleEn).SingleAsync();
            return await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM surveys.outbox_messages
                WHERE type = 'mail.email-requested'
                  AND (payload->>'Subject' IN ({"Erinnerung: " + title}, {"Reminder: " + english})
                       OR payload->>'subject' IN ({"Erinnerung: " + title}, {"Reminder: " + english}))
                """).SingleAsync();
        });
}
