using Npgsql;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// A fresh, uniquely named PostgreSQL database for one test class (use it as a class fixture), created on the
/// server <c>ALIGNBOT_TEST_POSTGRES</c> points at and dropped when the class is done. <c>.ci/run</c> starts that
/// server (<c>.ci/postgres.sh</c>); without it, a test that asks for the database is skipped with a message
/// saying how to run it, or fails when <c>ALIGNBOT_REQUIRE_POSTGRES=1</c> says the PostgreSQL tests must run.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    /// <summary>An Npgsql connection string for a database whose user may create databases.</summary>
    public const string ServerVariable = "ALIGNBOT_TEST_POSTGRES";

    /// <summary>"1" turns a missing server from a skip into a failure (CI sets it).</summary>
    public const string RequireVariable = "ALIGNBOT_REQUIRE_POSTGRES";

    private readonly List<string> _databases = [];
    private readonly Lock _gate = new();
    private string? _connectionString;

    /// <summary>The class's database. Skips (or fails) the calling test when no server is configured.</summary>
    public string ConnectionString
    {
        get
        {
            if (_connectionString is null)
            {
                SkipOrFailWithoutServer();
            }

            return _connectionString;
        }
    }

    /// <summary>The server's connection string. Skips (or fails) the calling test when there is none.</summary>
    public static string ServerConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ServerVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                SkipOrFailWithoutServer();
            }

            return value;
        }
    }

    private static bool ServerConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServerVariable));

    public async ValueTask InitializeAsync()
    {
        if (ServerConfigured)
        {
            _connectionString = await CreateDatabaseAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Another empty database, for a test that needs one nobody else touched (a migration from scratch, a
    /// scheduler's own store). Dropped with the class's database.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var server = ServerConnectionString;
        var name = $"alignbot_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        lock (_gate)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        string[] databases;
        lock (_gate)
        {
            databases = [.. _databases];
            _databases.Clear();
        }

        if (databases.Length == 0)
        {
            return;
        }

        var server = Environment.GetEnvironmentVariable(ServerVariable)!; // databases exist only when the server was configured
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(CancellationToken.None); // cleanup runs after the test's token may have fired
        foreach (var name in databases)
        {
            using (var pooled = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void SkipOrFailWithoutServer()
    {
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{ServerVariable} is not set, and {RequireVariable}=1 says the PostgreSQL tests must run. Start a server with `source .ci/postgres.sh`, or run .ci/run.");
        }

        Assert.Skip($"Needs PostgreSQL: set {ServerVariable} to an Npgsql connection string of a user who may create databases (`source .ci/postgres.sh` starts a throwaway server and sets it).");
    }
}
