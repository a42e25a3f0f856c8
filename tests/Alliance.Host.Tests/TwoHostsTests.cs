using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit.Abstractions;

namespace Alliance.Host.Tests;

/// <summary>
/// Two hosts — two processes, as on two machines — on one PostgreSQL database with the demo alliance, sharing the
/// mail folder as they would share an SMTP server. Both run the Hangfire server with two workers each. A lease is
/// 10 seconds, so that work a killed host had claimed is taken over soon: long enough for any one delivery on a busy
/// CI machine (a lease that runs out during a send lets the other host send the mail again — 3 seconds did, under a
/// load average of 40).
/// </summary>
public sealed class TwoHosts : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "alliance-two-hosts-mail-" + Guid.NewGuid().ToString("N"));

    public HostProcess A { get; private set; } = default!;

    public HostProcess B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        ConnectionString = await AllianceApp.CreateDemoDatabaseAsync();
        Directory.CreateDirectory(MailFolder);
        var both = await Task.WhenAll(StartAsync(), StartAsync());
        (A, B) = (both[0], both[1]);
    }

    /// <summary>Restarts a host an earlier test killed, so every test begins with two.</summary>
    public async Task BothRunningAsync()
    {
        if (A.HasExited)
        {
            await A.DisposeAsync();
            A = await StartAsync();
        }

        if (B.HasExited)
        {
            await B.DisposeAsync();
            B = await StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await TestDatabase.DropDatabaseAsync(ConnectionString);
        Directory.Delete(MailFolder, recursive: true);
    }

    private Task<HostProcess> StartAsync() => HostProcess.StartAsync(new Dictionary<string, string>
    {
        ["ConnectionStrings__Alliance"] = ConnectionString,
        ["Mail__PickupDirectory"] = MailFolder,
        ["Jobs__Workers"] = "2",
        ["Messaging__LeaseSeconds"] = "10",
        ["Demo__Seed"] = "false",
        // The tests wake the dispatchers with "forgot password" requests, all from 127.0.0.1 to one address.
        ["Security__RateLimits__PasswordReset__PermitLimit"] = "1000000",
        ["Security__RateLimits__SignIn__PermitLimit"] = "1000000",
        ["Security__PasswordReset__MailsPerHour"] = "1000000",
    });
}

/// <summary>
/// Issue 13, "two hosts on one database": every recurring job runs once per tick (Hangfire's distributed locks in
/// PostgreSQL), every outbox event and queued mail is delivered once while both hosts dispatch, a sign-in on one host
/// is valid on the other (the Data Protection keys are in the database), and a host killed mid-work leaves the other
/// serving and finishing the work. Read throughput with two hosts is measured by build/bench.sh, not here (two
/// shared cores cannot show it honestly).
/// </summary>
public sealed partial class TwoHostsTests(TwoHosts hosts, ITestOutputHelper output) : IClassFixture<TwoHosts>
{
    private const string Representative = DemoUsers.Representative;

    [Fact]
    public async Task Every_recurring_job_runs_once_per_tick_with_both_schedulers_racing()
    {
        await hosts.BothRunningAsync();
        var jobs = await RecurringJobIdsAsync();
        Assert.Contains("outbox-sweep", jobs);
        Assert.Contains("meetings-reminders", jobs);

        // Two ticks: each time every recurring job is made due at once, and both hosts' schedulers (polling every
        // second) find it due; without the lock each would enqueue it. A tick is counted up to the next minute, when
        // the every-minute jobs come due of their own accord, so it starts early in a minute.
        for (var tick = 1; tick <= 2; tick++)
        {
            var since = await NowAsync();
            if (since.Second > 35)
            {
                await Task.Delay(TimeSpan.FromSeconds(61 - since.Second));
                since = await NowAsync();
            }

            var nextMinute = since.AddTicks(-(since.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);
            await MakeAllRecurringJobsDueAsync();
            await Eventually.Until(() => RecurringRunsAsync(since, nextMinute),
                r => jobs.All(r.ContainsKey), TimeSpan.FromSeconds(20), $"every recurring job enqueued in tick {tick}",
                r => string.Join(", ", r.Select(p => $"{p.Key}×{p.Value}")));
            // A second enqueue would come within the schedulers' next poll (one second); give them a few.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var runs = await RecurringRunsAsync(since, nextMinute);
            output.WriteLine($"tick {tick}: " + string.Join(", ", runs.Select(p => $"{p.Key}×{p.Value}")));
            Assert.All(jobs, id => Assert.Equal(1, runs[id]));
        }
    }

    [Fact]
    public async Task Every_outbox_event_and_queued_mail_is_delivered_once_while_both_hosts_dispatch()
    {
        await hosts.BothRunningAsync();
        var since = await NowAsync();
        var (events, mails) = await QueueWorkAsync(events: 200, mails: 50);

        // Wake-ups on both hosts ("forgot password": one event and one mail each); each host's dispatcher and mail
        // sender then claims from the same rows.
        var wakeUps = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => ForgotPasswordAsync(i % 2 == 0 ? hosts.A : hosts.B)));
        Assert.All(wakeUps, status => Assert.Equal(HttpStatusCode.Accepted, status));

        await Eventually.Until(async () => await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status <> 1") == 0
                && await ScalarAsync("""SELECT count(*) FROM mail.email_messages WHERE "Status" <> 1""") == 0,
            TimeSpan.FromSeconds(60), "every event delivered and every mail sent");

        // Every mail queued since — ours, the events' and the 20 reset mails — written exactly once.
        var queued = await MailIdsQueuedSinceAsync(since);
        Assert.Equal(events.Count + mails.Count + 20, queued.Count);
        Assert.Subset(queued.ToHashSet(), events.Concat(mails).ToHashSet());
        var files = MailFilesById();
        foreach (var id in queued)
        {
            Assert.True(files.TryGetValue(id, out var count) && count == 1, $"mail {id:N} written {(files.TryGetValue(id, out var c) ? c : 0)} times");
        }

        // Both hosts took part: their Hangfire servers processed dispatch and send jobs.
        var servers = await ServersThatProcessedAsync(since, "OutboxDispatcher", "EmailSender");
        output.WriteLine($"{events.Count} events, {mails.Count + 20} mails; dispatch/send jobs processed by: {string.Join(", ", servers)}");
        Assert.Equal(2, servers.Select(s => s.Split(':')[1]).Distinct().Count());
    }

    [Fact]
    public async Task A_sign_in_on_one_host_is_valid_on_the_other()
    {
        await hosts.BothRunningAsync();
        var cookie = await SignInAsync(hosts.A, DemoUsers.Staff);

        using var withCookie = Client(hosts.B, cookie);
        using var anonymous = Client(hosts.B, null);
        Assert.Equal(HttpStatusCode.OK, (await withCookie.GetAsync(new Uri("/api/members/organizations", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/members/organizations", UriKind.Relative))).StatusCode);

        // And the other way round.
        using var back = Client(hosts.A, await SignInAsync(hosts.B, DemoUsers.Administrator));
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync(new Uri("/api/members/organizations", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_host_killed_while_dispatching_leaves_the_other_serving_and_finishing_the_work()
    {
        await hosts.BothRunningAsync();
        var cookie = await SignInAsync(hosts.A, DemoUsers.Staff);
        var (events, mails) = await QueueWorkAsync(events: 300, mails: 0);

        // Only A is woken: it claims the events (and sends the mails they queue) until it is killed mid-way.
        var deliveredBefore = await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status = 1");
        Assert.Equal(HttpStatusCode.Accepted, await ForgotPasswordAsync(hosts.A));
        await Eventually.Until(async () => await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status = 1") > deliveredBefore + 10,
            TimeSpan.FromSeconds(30), "A dispatching");
        await hosts.A.KillAsync();
        var pendingAtKill = await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status = 0")
            + await ScalarAsync("""SELECT count(*) FROM mail.email_messages WHERE "Status" = 0""");
        output.WriteLine($"pending at the kill: {pendingAtKill} events and mails");
        Assert.True(pendingAtKill > 0, "the kill came after everything was done");

        // B answers, knows A's sign-in, and — woken by its own traffic (without it the minute sweep would) — takes
        // over what A had claimed once A's leases run out.
        using var staff = Client(hosts.B, cookie);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri("/api/members/organizations", UriKind.Relative))).StatusCode);
        await Eventually.Until(async () =>
            {
                if (await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status <> 1") == 0
                    && await ScalarAsync("""SELECT count(*) FROM mail.email_messages WHERE "Status" <> 1""") == 0)
                {
                    return true;
                }

                Assert.Equal(HttpStatusCode.Accepted, await ForgotPasswordAsync(hosts.B));
                await Task.Delay(TimeSpan.FromSeconds(1));
                return false;
            },
            TimeSpan.FromSeconds(60), "B finishing the work A left");

        // Every event's mail written; twice at most the one A was writing when it died.
        var files = MailFilesById();
        Assert.All(events.Concat(mails), id => Assert.True(files.ContainsKey(id), $"mail {id:N} never written"));
        var twice = events.Concat(mails).Where(id => files[id] > 1).Select(id => (Key: id, Value: files[id])).ToList();
        Assert.True(twice.Count <= 1 && twice.All(f => f.Value == 2), $"written more than once: {string.Join(", ", twice.Select(f => $"{f.Key:N}×{f.Value}"))}");
    }

    /// <summary>Events (each asks for a mail whose id is the event's) in the members outbox and mails in the queue, due now, nobody woken.</summary>
    private async Task<(List<Guid> Events, List<Guid> Mails)> QueueWorkAsync(int events, int mails)
    {
        var eventIds = Enumerable.Range(0, events).Select(_ => Guid.NewGuid()).ToList();
        var mailIds = Enumerable.Range(0, mails).Select(_ => Guid.NewGuid()).ToList();
        await using var connection = await OpenAsync();
        await using (var command = new NpgsqlCommand("""
            INSERT INTO members.outbox_messages (id, type, payload, occurred_at, status, next_attempt_at, attempts)
            SELECT id, 'mail.email-requested',
                jsonb_build_object('toAddress', 'two-hosts@example.org', 'toName', 'Two Hosts', 'subject', 'From an event',
                    'textBody', 'Hallo', 'eventId', id, 'occurredAt', now()), now(), 0, now(), 0
            FROM unnest(@ids) AS id
            """, connection))
        {
            command.Parameters.AddWithValue("ids", eventIds.ToArray());
            await command.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand("""
            INSERT INTO mail.email_messages ("Id", "ToAddress", "ToName", "Subject", "TextBody", "Status", "Attempts", "QueuedAt", "NextAttemptAt")
            SELECT id, 'two-hosts@example.org', 'Two Hosts', 'Queued', 'Hallo', 0, 0, now(), now() FROM unnest(@ids) AS id
            """, connection))
        {
            command.Parameters.AddWithValue("ids", mailIds.ToArray());
            await command.ExecuteNonQueryAsync();
        }

        return (eventIds, mailIds);
    }

    private static async Task<HttpStatusCode> ForgotPasswordAsync(HostProcess host)
    {
        using var client = Client(host, null);
        return (await client.PostAsJsonAsync(new Uri("/api/members/account/forgot-password", UriKind.Relative), new { email = Representative })).StatusCode;
    }

    /// <summary>Signs in through the API of <paramref name="host"/> and returns its cookies as a Cookie header.</summary>
    private static async Task<string> SignInAsync(HostProcess host, string email)
    {
        using var client = Client(host, null);
        var response = await client.PostAsJsonAsync(new Uri("/api/members/account/login", UriKind.Relative), new { email, password = DemoUsers.Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>A client without a cookie jar: it sends exactly <paramref name="cookie"/>, whichever host issued it.</summary>
    private static HttpClient Client(HostProcess host, string? cookie)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    private async Task<List<Guid>> MailIdsQueuedSinceAsync(DateTime since)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM mail.email_messages WHERE "QueuedAt" >= @since""", connection);
        command.Parameters.AddWithValue("since", since);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<List<string>> RecurringJobIdsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value", connection);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>What a tick looks like in Hangfire's storage: the job's next execution (hash field and its score in the schedule set) has come.</summary>
    private async Task MakeAllRecurringJobsDueAsync()
    {
        await using var connection = await OpenAsync();
        // Hangfire 1.8 keeps instants in Unix milliseconds (entity version 2) and the set's score in seconds; the
        // scheduler computes a job's next occurrence from its last run (or its creation).
        await using var command = new NpgsqlCommand("""
            UPDATE hangfire.hash SET value = (extract(epoch FROM now() - interval '1 minute') * 1000)::bigint::text
            WHERE key LIKE 'recurring-job:%' AND field = 'NextExecution';
            UPDATE hangfire.hash SET value = (extract(epoch FROM now() - interval '2 days') * 1000)::bigint::text
            WHERE key LIKE 'recurring-job:%' AND field IN ('LastExecution', 'CreatedAt');
            UPDATE hangfire.set SET score = extract(epoch FROM now() - interval '1 minute')::bigint WHERE key = 'recurring-jobs';
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Jobs created from <paramref name="since"/> until before <paramref name="until"/> (UTC), per recurring job that created them.</summary>
    private async Task<Dictionary<string, int>> RecurringRunsAsync(DateTime since, DateTime until)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT trim(both '"' FROM p.value), count(*) FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId'
            WHERE j.createdat >= @since AND j.createdat < @until GROUP BY 1
            """, connection);
        command.Parameters.AddWithValue("since", NpgsqlTypes.NpgsqlDbType.Timestamp, DateTime.SpecifyKind(since, DateTimeKind.Unspecified));
        command.Parameters.AddWithValue("until", NpgsqlTypes.NpgsqlDbType.Timestamp, DateTime.SpecifyKind(until, DateTimeKind.Unspecified));
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            runs[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return runs;
    }

    /// <summary>The Hangfire servers (hostname:pid:…) that moved a job of one of the classes to Processing since then.</summary>
    private async Task<List<string>> ServersThatProcessedAsync(DateTime since, params string[] classes)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT s.data ->> 'ServerId' FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.createdat >= @since AND j.invocationdata ->> 'Type' SIMILAR TO @types
            """, connection);
        command.Parameters.AddWithValue("since", NpgsqlTypes.NpgsqlDbType.Timestamp, DateTime.SpecifyKind(since, DateTimeKind.Unspecified));
        command.Parameters.AddWithValue("types", $"%({string.Join('|', classes)})%");
        var servers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            servers.Add(reader.GetString(0));
        }

        return servers;
    }

    /// <summary>The database's clock (Hangfire and the tests' rows use it), as UTC.</summary>
    private async Task<DateTime> NowAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT now() AT TIME ZONE 'UTC'", connection);
        return DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync())!, DateTimeKind.Utc);
    }

    private Dictionary<Guid, int> MailFilesById() =>
        Directory.GetFiles(hosts.MailFolder, "*.eml")
            .Select(f => MessageId().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .GroupBy(m => Guid.ParseExact(m.Groups[1].Value, "N"))
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The pickup folder names each file after the mail's Message-ID, which is the mail's (and its event's) id.</summary>
    [GeneratedRegex("([0-9a-f]{32})@")]
    private static partial Regex MessageId();

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(hosts.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
