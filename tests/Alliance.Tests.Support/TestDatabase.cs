using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Alliance.Tests.Support;

/// <summary>
/// Where the tests' PostgreSQL comes from: the server in <c>ALLIANCE_TEST_POSTGRES</c> (build/test.sh starts a
/// throwaway one), else a Testcontainers container when a Docker engine is reachable, else a clear failure.
/// Every fixture gets a database of its own on that server.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "ALLIANCE_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;
    private static PostgreSqlContainer? _container;

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await ServerAsync();
        var name = $"alliance_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
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
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
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
