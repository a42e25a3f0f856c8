using System.Globalization;
using System.Security.Cryptography;
using Alliance.Surveys.Domain;
using Alliance.Surveys.Persistence;
using Alliance.Surveys.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Alliance.Surveys.Tests;

/// <summary>
/// Number and date statistics come from the tallies (value buckets and numbers by value), not from the answers: the
/// count, mean, exact median (as <c>percentile_cont(0.5)</c>), smallest and largest number, ranges and dates per group
/// must equal what C# computes from the same values — for numbers over many buckets (negative, zero, fractions,
/// thousands, repeats), after responses were added in two saves and after some were removed (tallies counted afresh).
/// </summary>
[Collection(SharedAlliance.Collection)]
public sealed class NumberTalliesTests(AllianceApp app)
{
    private static readonly string[] Groups = ["Company", "Science", "Administration"];

    /// <summary>Response i: its partner group and its number (null: not answered) and date.</summary>
    private static (string Group, decimal? Number, DateOnly Date) Value(int i) => (
        Groups[i % 3],
        i % 11 == 10 ? null : (((i * 37) % 23) - 7) * (decimal)Math.Pow(10, i % 4) / 4m,
        new DateOnly(2020, 1, 1).AddDays((i * 53) % 900));

    [Fact]
    public async Task Statistics_per_group_equal_the_values_counted_in_csharp_also_after_removing_responses()
    {
        var surveyId = Guid.NewGuid();
        var numberId = Guid.NewGuid();
        var dateId = Guid.NewGuid();
        var responses = Enumerable.Range(0, 61).ToList();
        await WriteAsync(surveyId, numberId, dateId, responses.Take(30), create: true);
        await WriteAsync(surveyId, numberId, dateId, responses.Skip(30), create: false);
        await AssertMatchesAsync(surveyId, numberId, dateId, responses);

        // Removing responses counts the survey afresh.
        var removed = responses.Where(i => i % 5 == 0).ToHashSet();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SurveysDbContext>();
            var all = await db.Responses.Where(r => r.SurveyId == surveyId).ToListAsync();
            db.Responses.RemoveRange(all.Where(r => removed.Contains(r.SubmittedOn.DayNumber - new DateOnly(2026, 1, 1).DayNumber)));
            await db.SaveChangesAsync();
            return 0;
        });
        await AssertMatchesAsync(surveyId, numberId, dateId, responses.Where(i => !removed.Contains(i)).ToList());
    }

    [Fact]
    public async Task Folds_racing_each_other_and_the_sweep_count_every_pending_response_exactly_once()
    {
        var surveyId = Guid.NewGuid();
        var numberId = Guid.NewGuid();
        var dateId = Guid.NewGuid();
        var responses = Enumerable.Range(0, 240).ToList();
        // Stored as a submission stores them, in four transactions, but with no signal to the host's folding: pending.
        for (var part = 0; part < 4; part++)
        {
            await WriteAsync(surveyId, numberId, dateId, responses.Skip(part * 60).Take(60), create: part == 0);
        }

        // Four folds and the minute sweep at once (as two hosts, a results read and the sweep can): each response is
        // counted by exactly one of them.
        var folds = Enumerable.Range(0, 4)
            .Select(_ => app.WithScopeAsync(sp => AnswerTallies.FoldAsync(sp.GetRequiredService<SurveysDbContext>(), surveyId, CancellationToken.None)))
            .Append(app.SendAsync(new FoldPendingTallies()));
        await Task.WhenAll(folds);

        var counted = await app.SurveysDbAsync(async db => (
            Pending: await db.Responses.CountAsync(r => r.SurveyId == surveyId && !r.Tallied),
            Responses: await db.Database.SqlQuery<int>($"SELECT coalesce(sum(n), 0)::int AS \"Value\" FROM surveys.response_tallies WHERE survey_id = {surveyId}").SingleAsync(),
            Values: await db.Database.SqlQuery<int>($"SELECT coalesce(sum(n), 0)::int AS \"Value\" FROM surveys.value_buckets WHERE survey_id = {surveyId} AND breakdown = 'None'").SingleAsync(),
            Answers: await db.Answers.CountAsync(a => a.QuestionId == numberId || a.QuestionId == dateId)));
        Assert.Equal((0, responses.Count, counted.Answers), (counted.Pending, counted.Responses, counted.Values));
        await AssertMatchesAsync(surveyId, numberId, dateId, responses);
    }

    private async Task AssertMatchesAsync(Guid surveyId, Guid numberId, Guid dateId, IReadOnlyList<int> responses)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        var view = await app.SendAsync(new GetSurveyResults(surveyId, Breakdown.PartnerGroup), await app.PrincipalAsync(DemoUsers.Staff));
        Assert.Equal(responses.Count, view.Responses);

        var number = view.Questions.Single(q => q.QuestionId == numberId);
        var all = responses.Select(Value).Where(v => v.Number is not null).Select(v => v.Number!.Value).ToList();
        var summary = number.Summary!;
        Assert.Equal((all.Count, Median(all), (double)all.Min(), (double)all.Max()), (summary.Count, summary.Median, summary.Min, summary.Max));
        Assert.Equal((double)(all.Sum() / all.Count), summary.Mean, 9);
        Assert.Equal(all.Count, number.Choices.Sum(c => c.Count));
        // The ranges as width_bucket over the stored answers puts them (what the results read before the tallies).
        var bins = await app.SurveysDbAsync(db => db.Database.SqlQuery<int>($"""
            SELECT least(width_bucket(a.number_value::float8, b.lo, b.hi, {ResultsLimits.NumberBins}), {ResultsLimits.NumberBins}) AS "Value"
            FROM surveys.answers a,
                 (SELECT min(number_value)::float8 AS lo, max(number_value)::float8 AS hi FROM surveys.answers WHERE question_id = {numberId}) b
            WHERE a.question_id = {numberId} AND a.number_value IS NOT NULL
            """).ToListAsync());
        Assert.Equal(Enumerable.Range(1, ResultsLimits.NumberBins).Select(b => bins.Count(x => x == b)), number.Choices.Select(c => c.Count));

        foreach (var (group, index) in view.Groups.Select((g, i) => (g, i)))
        {
            var values = responses.Select(Value).Where(v => v.Group == group.Key && v.Number is not null).Select(v => v.Number!.Value).ToList();
            var cell = summary.ByGroup[index]!;
            Assert.Equal((values.Count, Median(values)), (cell.Count, cell.Median));
            Assert.Equal((double)(values.Sum() / values.Count), cell.Mean, 9);
        }

        var dates = responses.Select(i => Value(i).Date).ToList();
        var date = view.Questions.Single(q => q.QuestionId == dateId);
        Assert.Equal((responses.Count, dates.Min(), dates.Max()), (date.Answered, date.Earliest!.Value, date.Latest!.Value));
    }

    /// <summary>The median as PostgreSQL's <c>percentile_cont(0.5)</c> gives it: the middle value, or between the two middle ones.</summary>
    private static double Median(List<decimal> values)
    {
        var sorted = values.Select(v => (double)v).Order().ToList();
        var low = sorted[(sorted.Count - 1) / 2];
        var high = sorted[sorted.Count / 2];
        return low + (0.5 * (high - low));
    }

    private Task WriteAsync(Guid surveyId, Guid numberId, Guid dateId, IEnumerable<int> responses, bool create) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SurveysDbContext>();
        if (create)
        {
            db.Surveys.Add(new Survey
            {
                Id = surveyId, SeriesId = Guid.NewGuid(), Wave = 1, TitleDe = "Zahlen", TitleEn = "Numbers", Status = SurveyStatus.Closed,
                OpensOn = new DateOnly(2025, 12, 1), ClosesOn = new DateOnly(2026, 12, 1), CreatedAt = DateTimeOffset.UtcNow,
            });
            var section = new Section { Id = Guid.NewGuid(), SurveyId = surveyId, Position = 1, TitleDe = "Teil 1", TitleEn = "Part 1" };
            db.Sections.Add(section);
            db.Questions.Add(new Question { Id = numberId, SurveyId = surveyId, SectionId = section.Id, Position = 1, Kind = QuestionKind.Number, TextDe = "Wie viel?", TextEn = "How much?" });
            db.Questions.Add(new Question { Id = dateId, SurveyId = surveyId, SectionId = section.Id, Position = 2, Kind = QuestionKind.Date, TextDe = "Seit wann?", TextEn = "Since?" });
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(), SurveyId = surveyId, TokenHash = SHA256.HashData(Guid.NewGuid().ToByteArray()), TokenProtected = "test",
                OrganizationId = Guid.NewGuid(), Answered = true, InvitedAt = DateTimeOffset.UtcNow,
            });
        }

        foreach (var i in responses)
        {
            var (group, value, day) = Value(i);
            // The day tells the test which response it is (to remove some later).
            var response = new Response { Id = Guid.NewGuid(), SurveyId = surveyId, PartnerGroup = group, SubmittedOn = new DateOnly(2026, 1, 1).AddDays(i) };
            db.Responses.Add(response);
            if (value is { } number)
            {
                db.Answers.Add(new Answer { Id = Guid.NewGuid(), ResponseId = response.Id, QuestionId = numberId, NumberValue = number });
            }

            db.Answers.Add(new Answer { Id = Guid.NewGuid(), ResponseId = response.Id, QuestionId = dateId, DateValue = day });
        }

        await db.SaveChangesAsync();
        return 0;
    });
}
