using AlignBot.Data;
using Microsoft.Extensions.Configuration;

namespace AlignBot.Host.Tests.Data;

public sealed class DataModuleTests
{
    private const string PostgresConnectionString = "Host=db.example.test;Port=5432;Database=alignbot;Username=alignbot";

    [Fact]
    public void ResolveStorage_NothingConfigured_SqliteFileUnderData()
    {
        var (provider, connectionString) = DataModule.ResolveStorage(Configuration());

        Assert.Equal(StorageProvider.Sqlite, provider);
        Assert.Equal(StorageOptions.DefaultSqliteConnectionString, connectionString);
    }

    [Fact]
    public void ResolveStorage_SqliteConnectionString_SqliteAndCreatesTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alignbot-resolve-" + Guid.NewGuid().ToString("N"));
        var connectionString = $"Data Source={Path.Combine(folder, "bot.db")}";
        try
        {
            var (provider, resolved) = DataModule.ResolveStorage(Configuration(connectionString));

            Assert.Equal(StorageProvider.Sqlite, provider);
            Assert.Equal(connectionString, resolved);
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(PostgresConnectionString)]
    [InlineData("Server=db.example.test;Database=alignbot;User Id=alignbot")]
    [InlineData("postgresql://alignbot@db.example.test/alignbot")]
    public void ResolveStorage_PostgresConnectionString_PostgresInferred(string connectionString)
    {
        var (provider, resolved) = DataModule.ResolveStorage(Configuration(connectionString));

        Assert.Equal(StorageProvider.Postgres, provider);
        Assert.Equal(connectionString, resolved);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    [InlineData("Npgsql")]
    public void ResolveStorage_ProviderSetToPostgres_PostgresWhateverTheConnectionStringLooksLike(string configured)
    {
        var (provider, _) = DataModule.ResolveStorage(Configuration("Database=alignbot", configured));

        Assert.Equal(StorageProvider.Postgres, provider);
    }

    [Fact]
    public void ResolveStorage_ProviderSetToSqlite_SqliteEvenWhereInferenceSaysPostgres()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alignbot-resolve-" + Guid.NewGuid().ToString("N"));
        var connectionString = $"Filename={Path.Combine(folder, "server=eu.db")}"; // "server=" and no "data source=": inferred as PostgreSQL
        Assert.Equal(StorageProvider.Postgres, DataModule.ResolveStorage(Configuration(connectionString)).Provider);
        try
        {
            var (provider, _) = DataModule.ResolveStorage(Configuration(connectionString, "sqlite"));

            Assert.Equal(StorageProvider.Sqlite, provider);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("SqlServer")]
    [InlineData("3")]
    public void ResolveStorage_UnknownProvider_ThrowsNamingTheKey(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataModule.ResolveStorage(Configuration(PostgresConnectionString, configured)));

        Assert.Contains("AlignBot:Storage:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains(configured, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? connectionString = null, string? provider = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:AlignBot"] = connectionString,
                ["AlignBot:Storage:Provider"] = provider,
            })
            .Build();
}
