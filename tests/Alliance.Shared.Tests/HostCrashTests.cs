using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Alliance.Shared.Tests;

/// <summary>
/// The real host as a child process (<c>dotnet Alliance.Host.dll</c>), killed with SIGKILL while it sends mail and
/// while it dispatches events, and restarted at once. Proves: start-up within seconds after a kill, every event
/// delivered and every mail sent, and no mail twice except the ones in flight at a kill (at most one per kill:
/// the host runs one job worker, and a mail is marked sent on its own right after its send).
/// </summary>
public sealed partial class HostCrashTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int QueuedMails = 50;
    private const int Events = 150;
    // A restart blocked by what the dead process held (a lock, a lease) took minutes; a healthy one takes a few seconds
    // on a quiet machine and 20-30 s on a shared 2-core CI box under load, hence the margin.
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(60);

    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "alliance-crash-mail-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _log = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await TestDatabase.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await TestDatabase.DropDatabaseAsync(_connectionString);
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }

    [Fact]
    public async Task A_host_killed_during_mail_sending_and_event_dispatch_restarts_at_once_and_delivers_everything_once()
    {
        // First start: migrations. Then a kill with nothing in flight.
        var (host, startup) = await StartHostAsync();
        host.Kill();
        await host.WaitForExitAsync();

        // Work waiting for the next host: queued mails, and events (each a mail request) in the members outbox.
        var mailIds = Enumerable.Range(0, QueuedMails).Select(_ => Guid.NewGuid()).ToList();
        var eventIds = Enumerable.Range(0, Events).Select(_ => Guid.NewGuid()).ToList();
        await using (var connection = await OpenAsync())
        {
            foreach (var id in mailIds)
            {
                await ExecuteAsync(connection, """
                    INSERT INTO mail.email_messages ("Id", "ToAddress", "ToName", "Subject", "TextBody", "Status", "Attempts", "QueuedAt", "NextAttemptAt")
                    VALUES (@id, 'crash@example.org', 'Crash Test', 'Queued before the crash', 'Hallo', 0, 0, now(), now())
                    """, id);
            }

            foreach (var id in eventIds)
            {
                await ExecuteAsync(connection, """
                    INSERT INTO members.outbox_messages (id, type, payload, occurred_at, status, next_attempt_at, attempts)
                    VALUES (@id, 'mail.email-requested',
                        jsonb_build_object('toAddress', 'event@example.org', 'toName', 'Event Test', 'subject', 'From an event',
                            'textBody', 'Hallo', 'eventId', @id, 'occurredAt', now()), now(), 0, now(), 0)
                    """, id);
            }
        }

        // Kill 1: in the middle of sending the queued mails.
        (host, var second) = await StartHostAsync();
        await WaitAsync(() => Task.FromResult(MailFiles().Count >= 15), "15 mails written before the first kill");
        host.Kill();
        await host.WaitForExitAsync();
        var sentAtFirstKill = MailFiles().Count;

        // Kill 2: while events are being dispatched (some delivered since the restart, some still pending).
        (host, var third) = await StartHostAsync();
        var deliveredBefore = await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status = 1");
        await WaitAsync(async () => await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status = 1") > deliveredBefore + 10
                && await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status = 0") > 0,
            "event dispatch under way before the second kill");
        host.Kill();
        await host.WaitForExitAsync();

        (host, var fourth) = await StartHostAsync();
        try
        {
            await WaitAsync(async () => await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status = 1") == Events
                    && await ScalarAsync("SELECT count(*) FROM mail.email_messages WHERE \"Status\" = 1") == QueuedMails + Events,
                "every event delivered and every mail sent after the restarts", TimeSpan.FromMinutes(4));
        }
        finally
        {
            host.Kill();
            await host.WaitForExitAsync();
        }

        // The first start creates the schema; the three restarts after a kill must be quick (a lock or lease the
        // dead process held must not hold them up). The budget allows for a busy CI machine.
        output.WriteLine($"first start {startup.TotalSeconds:0.0} s, restarts after kills {second.TotalSeconds:0.0} s, {third.TotalSeconds:0.0} s, {fourth.TotalSeconds:0.0} s");
        foreach (var restart in new[] { second, third, fourth })
        {
            Assert.True(restart < StartBudget, $"a restart after a kill took {restart.TotalSeconds:0.0} s (first start {startup.TotalSeconds:0.0} s)");
        }

        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM members.outbox_messages WHERE status <> 1"));
        // One inbox row per event: the mail queue took each event once.
        Assert.Equal(Events, await ScalarAsync("SELECT count(*) FROM mail.inbox_messages"));
        var perMail = MailFiles().GroupBy(f => MessageId().Match(f).Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());
        var expected = mailIds.Concat(eventIds).Select(id => id.ToString("N")).ToHashSet();
        Assert.Equal(expected.Order(), perMail.Keys.Order());
        var repeated = perMail.Where(p => p.Value > 1).ToList();
        // At most the mail in flight at each of the two kills went out twice.
        output.WriteLine($"{perMail.Count} mails, {repeated.Count} sent twice, {sentAtFirstKill} written at the first kill");
        Assert.True(repeated.Count <= 2 && repeated.All(p => p.Value == 2),
            $"repeated: {string.Join(", ", repeated.Select(p => $"{p.Key}×{p.Value}"))}; {sentAtFirstKill} written at the first kill");
        Assert.True(sentAtFirstKill < QueuedMails + Events, "the first kill came before all mail was written");
    }

    [GeneratedRegex("([0-9a-f]{32})@alliance")]
    private static partial Regex MessageId();

    private List<string> MailFiles() =>
        Directory.Exists(_mailFolder) ? Directory.GetFiles(_mailFolder, "*.eml").Select(Path.GetFileName).OfType<string>().ToList() : [];

    private async Task<(Process Host, TimeSpan Startup)> StartHostAsync()
    {
        var port = FreePort();
        var hostDll = HostAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Alliance"] = _connectionString;
        start.Environment["Mail__PickupDirectory"] = _mailFolder;
        start.Environment["Mail__PickupDelayMilliseconds"] = "100";
        start.Environment["Jobs__Workers"] = "1";
        start.Environment["Messaging__LeaseSeconds"] = "3";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} during start:\n{Tail()}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return (process, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        process.Kill();
        throw new TimeoutException($"The host was not ready after two minutes:\n{Tail()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }
    }

    private string Tail()
    {
        lock (_log)
        {
            return string.Join('\n', _log.TakeLast(40));
        }
    }

    private async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromMinutes(2)))
            {
                throw new TimeoutException($"Timed out waiting for {what}:\n{Tail()}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host as built next to its sources (same configuration as these tests), with its own runtime config.</summary>
    private static string HostAssemblyPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Alliance.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Alliance.sln not found"),
            "src", "Host", "Alliance.Host", "bin", configuration, framework, "Alliance.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first", path);
    }
}
