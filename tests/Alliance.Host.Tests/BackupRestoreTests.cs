using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Alliance.Host.Tests;

/// <summary>
/// build/backup.sh and build/restore.sh, as an operator runs them: the demo alliance backed up, restored into a new
/// database, every table's row count equal, the mail folder back, and a host on the restored database accepting the
/// sign-in cookie issued before the backup (the Data Protection keys travel with the database).
/// </summary>
// Own host: it restarts the host on the restored database.
public sealed class BackupRestoreTests(AllianceApp app) : IClassFixture<AllianceApp>
{
    [Fact]
    public async Task The_demo_alliance_restores_into_a_new_database_with_every_count_equal_and_sign_ins_still_valid()
    {
        using var staff = await app.SignedInAsync(DemoUsers.Staff);
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(app.MailFolder).FullName, "kept.eml"), "Subject: kept\r\n\r\nkept");
        var backup = Directory.CreateTempSubdirectory("alliance-backup-").FullName;
        var restored = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "alliance_restored_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString;
        var restoredMail = Path.Combine(backup, "restored-mail");
        try
        {
            await RunAsync("build/backup.sh", backup, app.ConnectionString, app.MailFolder);
            await RunAsync("build/restore.sh", backup, restored, restoredMail);

            // The host keeps running (Hangfire, outbox) while it is backed up: the counts taken in the dump's snapshot are
            // the reference, checked here again by counting the restored database independently of the scripts.
            var before = new SortedDictionary<string, long>(
                (await File.ReadAllLinesAsync(Path.Combine(backup, "counts.tsv"))).Select(line => line.Split('\t'))
                    .ToDictionary(cells => cells[0], cells => long.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture)),
                StringComparer.Ordinal);
            var after = await RowCountsAsync(restored);
            Assert.True(before.Count > 40, $"only {before.Count} tables seen");
            Assert.True(before["members.people"] > 0);
            Assert.Equal(before, after);
            Assert.True(File.Exists(Path.Combine(restoredMail, "kept.eml")));

            await app.StartHostAsync(new Dictionary<string, string?> { ["ConnectionStrings:Alliance"] = restored });
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(new Uri(app.BaseAddress, "/api/members/organizations"))).StatusCode);
        }
        finally
        {
            await app.StartHostAsync(new Dictionary<string, string?>());
            await TestDatabase.DropDatabaseAsync(restored);
            Directory.Delete(backup, recursive: true);
        }
    }

    private static async Task RunAsync(string script, string backup, string connectionString, string mailFolder)
    {
        var root = Artifacts.RepositoryRoot() ?? throw new InvalidOperationException("Alliance.sln not found");
        var start = new ProcessStartInfo("bash", [Path.Combine(root.FullName, script), backup])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root.FullName,
        };
        start.Environment["ConnectionStrings__Alliance"] = connectionString;
        start.Environment["Mail__PickupDirectory"] = mailFolder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }

    /// <summary>Counted here, independently of the scripts' own check.</summary>
    private static async Task<SortedDictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table.Replace("\"", "", StringComparison.Ordinal)] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
