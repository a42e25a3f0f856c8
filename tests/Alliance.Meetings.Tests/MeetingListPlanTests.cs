using System.Data.Common;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Alliance.Meetings.Meetings;
using Alliance.Meetings.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Alliance.Meetings.Tests;

/// <summary>
/// Issue 13: "upcoming/past meeting lists walk thousands of rows". With 2,000 past meetings, the upcoming list (and
/// the past one) reads about a page of meetings: the plans of the queries the use case really sends (auto_explain
/// with actual row counts, on the handler's own connection) show the StartsAt index walked from a bound, and no
/// node that reads meetings and drops more than a handful of them. Before <c>MeetingWindow</c>, the upcoming page
/// walked the start index from the first meeting ever held and dropped every past one.
/// </summary>
// Own host: it adds thousands of meetings for the plans it reads, which would slow every later class's lists.
public sealed partial class MeetingListPlanTests(AllianceApp app, ITestOutputHelper output) : IClassFixture<AllianceApp>
{
    private const int PastMeetings = 2_000;

    [Fact]
    public async Task Upcoming_and_past_lists_walk_the_start_index_from_now_and_read_about_a_page()
    {
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            // Two years of past meetings (two hours each) and 60 ahead, like a long-running alliance.
            await using var seed = new NpgsqlCommand($$"""
                INSERT INTO meetings.meetings ("Id", "Title", "Kind", "StartsAt", "EndsAt", "TimeZone", "Place", "Capacity", "Audience",
                  "AudienceOrganizationIds", "ReminderDaysBefore", "IsDetached", "IsCancelled", "MinutesStatus", "Sequence", "CreatedAt", "ChangedAt")
                SELECT gen_random_uuid(), format('Plan-Treffen %s', n), 0,
                       now() - interval '1 day' - n * interval '8 hours', now() - interval '1 day' - n * interval '8 hours' + interval '2 hours',
                       'Europe/Berlin', 'Rathaus', 100, 0, '{}'::uuid[], '{}'::int[], false, false, 0, 0, now(), now()
                FROM generate_series(1, {{PastMeetings}}) AS n
                UNION ALL
                SELECT gen_random_uuid(), format('Plan-Treffen voraus %s', n), 0,
                       now() + n * interval '1 day', now() + n * interval '1 day' + interval '2 hours',
                       'Europe/Berlin', 'Rathaus', 100, 0, '{}'::uuid[], '{}'::int[], false, false, 0, 0, now(), now()
                FROM generate_series(1, 60) AS n;
                ANALYZE meetings.meetings;
                """, connection);
            await seed.ExecuteNonQueryAsync();
        }

        var staff = await app.PrincipalAsync(DemoUsers.Staff);
        var upcoming = await PlansAsync(new ListMeetings(), staff);
        var past = await PlansAsync(new ListMeetings(Past: true), staff);
        output.WriteLine(upcoming);
        output.WriteLine(past);

        Assert.Matches(@"Index Cond: \((\w+\.)?""StartsAt"" >=", upcoming);
        Assert.Matches(@"Index Cond: \((\w+\.)?""StartsAt"" <", past);
        foreach (var plan in new[] { upcoming, past })
        {
            var dropped = RowsRemoved().Matches(plan).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            Assert.True(dropped < 100, $"a node read and dropped {dropped} rows:\n{plan}");
        }
    }

    /// <summary>Sends the request in a scope whose MeetingsDbContext connection reports every statement's plan with actual rows.</summary>
    private async Task<string> PlansAsync(ListMeetings request, ClaimsPrincipal user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
            new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var plans = new List<string>();
        void Collect(object? sender, NpgsqlNoticeEventArgs e) => plans.Add(e.Notice.MessageText);
        connection.Notice += Collect;
        try
        {
            await Execute(connection, "LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET auto_explain.log_analyze = on; " +
                "SET auto_explain.log_timing = off; SET auto_explain.log_level = NOTICE; SET client_min_messages = NOTICE;");
            var page = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
            Assert.Equal(Alliance.Shared.Contracts.Paging.DefaultPageSize, page.Items.Count);
        }
        finally
        {
            connection.Notice -= Collect;
            await Execute(connection, "RESET ALL;");
            await db.Database.CloseConnectionAsync();
        }

        // The page itself, not its total (a count reads every upcoming or past meeting's index entry, as a total must).
        return string.Join("\n", plans.Where(p => !p.Contains("Query Text: SELECT count(*)", StringComparison.Ordinal)));
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"Rows Removed by Filter: (\d+)")]
    private static partial Regex RowsRemoved();
}
