using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Alliance.Tests.Support;

/// <summary>
/// Where the tests' PostgreSQL comes from: the server in <c>ALLIANCE_TEST_POSTGRES</c> (build/test.sh starts a
/// throwaway one), else a Testcontainers container when a Docker engine is reachable, else a clear failure.
/// Every fixture gets a database of its own on that server, copied from a template that holds the migrated schemas
/// and the demo alliance (PostgreSQL's <c>CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY</c>, a file copy): the demo data is seeded once
/// per build, not once per test class.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "ALLIANCE_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;
    private static PostgreSqlContainer? _container;

    /// <summary>
    /// A new database copied from the template of this build; the first caller (across test processes: an advisory
    /// lock decides) makes the template with <paramref name="prepareTemplate"/>, which receives its connection string
    /// and must leave no connection open.
    /// </summary>
    public static async Task<string> CreateFromTemplateAsync(Func<string, Task> prepareTemplate)
    {
        var server = await ServerAsync();
        var template = $"alliance_tpl_{BuildFingerprint()}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "SELECT pg_advisory_lock(4711)");
            try
            {
                if (!await ExistsAsync(connection, template))
                {
                    // Made under another name and renamed when complete, so a run that dies half-way leaves no
                    // half-made template behind for the next one.
                    var building = await CreateDatabaseAsync();
                    await prepareTemplate(building);
                    NpgsqlConnection.ClearAllPools();
                    var name = new NpgsqlConnectionStringBuilder(building).Database;
                    await ExecuteAsync(connection, $"ALTER DATABASE \"{name}\" RENAME TO \"{template}\"");
                }
            }
            finally
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(4711)");
            }

            // FILE_COPY copies the template's files as they are; PostgreSQL 15's default (WAL_LOG) writes every page of
            // the copy through the WAL as well: 1.0 s against 0.35 s per copy here, once per test class.
            var copy = $"alliance_test_{Guid.NewGuid():N}";
            await ExecuteAsync(connection, $"CREATE DATABASE \"{copy}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
            return new NpgsqlConnectionStringBuilder(server) { Database = copy, Pooling = true, MaxPoolSize = 60 }.ConnectionString;
        }
    }

    /// <summary>An empty new database on the test server.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await ServerAsync();
        var name = $"alliance_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection) { CommandTimeout = ServerCommandTimeoutSeconds };
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 60 }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await ServerAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection) { CommandTimeout = ServerCommandTimeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Changes whenever the code that migrates or seeds changes: a hash over this build's Alliance assemblies (the
    /// product's and Tests.Support's, which prepares the template), so a template of an older build (on a developer's
    /// long-running server) is never reused.
    /// </summary>
    private static string BuildFingerprint()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "Alliance.*.dll").Order(StringComparer.Ordinal)
                     .Where(f => !Path.GetFileName(f).EndsWith(".Tests.dll", StringComparison.Ordinal)))
        {
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    /// <summary>
    /// Server commands that wait for others: the advisory lock while another test process makes the template
    /// (migrations and the demo alliance, minutes on a busy machine) and the copies of it. Test processes run side by
    /// side (build/test.sh), so Npgsql's default of 30 s is too short for them.
    /// </summary>
    private const int ServerCommandTimeoutSeconds = 900;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = ServerCommandTimeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ServerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_serverConnectionString is not null)
            {
                return _serverConnectionString;
            }

            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return _serverConnectionString = fromEnvironment;
            }

            if (TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
            {
                _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await _container.StartAsync();
                return _serverConnectionString = _container.GetConnectionString();
            }

            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {EnvironmentVariable} to a server connection string " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres), run the tests through build/test.sh " +
                "(it starts a throwaway PostgreSQL), or make a Docker engine reachable for Testcontainers.");
        }
        finally
        {
            Gate.Release();
        }
    }
}
