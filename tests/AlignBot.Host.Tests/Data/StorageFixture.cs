using AlignBot.Data;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data;

/// <summary>
/// One test class's databases on both providers: a SQLite file in a temporary folder and a fresh PostgreSQL
/// database (<see cref="PostgresDatabase"/>), each migrated once for the class. A test picks the provider as a
/// theory argument; the PostgreSQL case skips (or fails, in CI) without a server.
/// </summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private readonly PostgresDatabase _postgres = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alignbot-test-");
    private readonly HashSet<StorageProvider> _migrated = [];
    private readonly SemaphoreSlim _migrating = new(1, 1);

    /// <summary>The class's database, migrated.</summary>
    public async Task<string> ConnectionStringAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        var connectionString = provider == StorageProvider.Postgres ? _postgres.ConnectionString : SqliteConnectionString("class");
        await _migrating.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated.Contains(provider))
            {
                await using var services = CreateServices(provider, connectionString);
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
                _migrated.Add(provider);
            }
        }
        finally
        {
            _migrating.Release();
        }

        return connectionString;
    }

    /// <summary>A new, empty database nobody else uses: a new file on SQLite, a new database on PostgreSQL.</summary>
    public async Task<string> CreateDatabaseAsync(StorageProvider provider, CancellationToken cancellationToken) =>
        provider == StorageProvider.Postgres
            ? await _postgres.CreateDatabaseAsync(cancellationToken)
            : SqliteConnectionString(Guid.NewGuid().ToString("N"));

    /// <summary>The configuration the app would read for this database.</summary>
    public static IConfiguration Configuration(StorageProvider provider, string connectionString) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = connectionString,
                [$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] = provider.ToString(),
            })
            .Build();

    /// <summary>
    /// The data services as the app registers them, on the system clock. Not validated on build: some of the data
    /// module's services take collaborators the host registers, and these tests resolve only the storage ones.
    /// </summary>
    public static ServiceProvider CreateServices(StorageProvider provider, string connectionString, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddLogging();
        services.AddAlignBotData(Configuration(provider, connectionString));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public ValueTask InitializeAsync() => _postgres.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _migrating.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the temporary folder is left for the OS to clean.
        }
    }

    private string SqliteConnectionString(string name) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.FullName, name + ".db") }.ConnectionString;
}
