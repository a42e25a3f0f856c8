using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Alliance.Probes.Tests;

/// <summary>
/// The real host with the demo data, plus the people the probes need besides the demo logins: a representative of
/// another organisation (B) and a lab coordinator who is no representative of the retail lab's organisation.
/// The job server is off so no background delivery changes row counts while a probe compares them.
/// </summary>
public sealed class ProbeApp : AllianceApp
{
    /// <summary>
    /// The probe classes share one <see cref="ProbeApp"/> (one host start instead of five, see
    /// <see cref="SharedAlliance"/>): every probe compares row counts around its own requests only.
    /// </summary>
    public const string Collection = "Probes on one host";

    /// <summary>Representative B: Elektro Kaiser GmbH, no lab, no meeting.</summary>
    public const string RepresentativeB = "kaiser@elektro-kaiser.example";

    /// <summary>Coordinator of the crafts lab ("Handwerk 4.0 / Produktion"), representative of the Handwerkskammer.</summary>
    public const string Coordinator = "koordination@handwerkskammer.example";

    /// <remarks>
    /// Every caller's wrong sign-in is probed again and again from one address: without a high allowance the
    /// per-address waits (a feature, tested in Members' AbuseLimitTests) would answer 429 instead of 401.
    /// </remarks>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Security:SignIn:FreeFailures"] = "1000000",
    };

    /// <summary>The six kinds of caller every route is probed as.</summary>
    public static readonly string[] Callers = ["anonymous", "representativeA", "representativeB", "coordinator", "staff", "administrator"];

    private readonly Dictionary<string, HttpClient> _clients = [];

    /// <summary>The host's warnings and errors.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<ILoggerProvider>(Logs);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.CreateRepresentativeAsync("Elektro Kaiser GmbH", "Petra", "Kaiser", RepresentativeB);
        var coordinator = await this.CreateRepresentativeAsync("Handwerkskammer", "Karl", "Koordinator", Coordinator);
        await ExecuteAsync(
            "insert into labs.lab_coordinators (\"LabId\", \"PersonId\") select \"Id\", @person from labs.labs where \"Title\" = 'Handwerk 4.0 / Produktion'",
            ("person", coordinator));
        // The probes take the oldest row for a route's {id}. The demo's first notifications (one action item, four
        // recipients) share one instant, so which of them was oldest came down to random ids — sometimes the
        // administrator's own. The oldest is now a notification of a member who is none of the six callers, so
        // "mark as read" answers 404 to every caller on every run.
        await ExecuteAsync(
            "insert into notifications.notifications (\"Id\", \"PersonId\", \"Kind\", \"TextKey\", \"Arguments\", \"Link\", \"CreatedAt\") " +
            "select gen_random_uuid(), \"Id\", 5, 'ActionItemAssigned_Due', array['t:Probe', 'd:2026-09-30'], '/labs/my-action-items', timestamptz '2000-01-01 00:00:00+00' " +
            "from members.people where \"Email\" is not null and \"Email\" <> all(@callers) order by \"Email\" limit 1",
            ("callers", new[] { DemoUsers.Representative, RepresentativeB, Coordinator, DemoUsers.Staff, DemoUsers.Administrator }));
    }

    /// <summary>A signed-in client for one of <see cref="Callers"/> (one per caller, kept).</summary>
    public async Task<HttpClient> ClientAsync(string caller)
    {
        if (_clients.TryGetValue(caller, out var client))
        {
            return client;
        }

        client = caller switch
        {
            "anonymous" => Anonymous(),
            "representativeA" => await SignedInAsync(DemoUsers.Representative),
            "representativeB" => await SignedInAsync(RepresentativeB),
            "coordinator" => await SignedInAsync(Coordinator),
            "staff" => await SignedInAsync(DemoUsers.Staff),
            "administrator" => await SignedInAsync(DemoUsers.Administrator),
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
        };
        _clients[caller] = client;
        return client;
    }

    /// <summary>Drops a caller's client (its session ended), so the next request signs in again.</summary>
    public void Forget(string caller)
    {
        if (_clients.Remove(caller, out var client))
        {
            client.Dispose();
        }
    }

    /// <summary>Runs one SQL statement against the test database.</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Reads rows of one SQL query as arrays of values.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public override async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await base.DisposeAsync();
    }
}

/// <summary>The probe classes' shared host (<see cref="ProbeApp.Collection"/>).</summary>
[CollectionDefinition(ProbeApp.Collection)]
public sealed class ProbeAppCollection : ICollectionFixture<ProbeApp>;
