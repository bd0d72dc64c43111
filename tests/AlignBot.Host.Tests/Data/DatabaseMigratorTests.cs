using AlignBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data;

public sealed class DatabaseMigratorTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    /// <summary>The Quartz 4.7.3 job store's tables, which the QuartzSchema migration creates.</summary>
    public static readonly string[] QuartzTables =
    [
        "qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers",
        "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps", "qrtz_paused_job_grps", "qrtz_fired_triggers",
        "qrtz_scheduler_state", "qrtz_locks", "qrtz_execution_history", "qrtz_misfire_history", "qrtz_job_status",
    ];

    private static readonly string[] AppTables = ["inbound_deliveries", "conversations", "people", "outbox"];

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryMigration(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var services = StorageFixture.CreateServices(provider, connectionString);

        await MigrateAsync(services, cancellationToken);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(cancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellationToken));
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_QuartzSchema", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MigrateAsync_FreshDatabase_CreatesAppAndQuartzTables(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var services = StorageFixture.CreateServices(provider, connectionString);

        await MigrateAsync(services, cancellationToken);

        var tables = await SchemaCatalog.TablesAsync(provider, connectionString, cancellationToken);
        Assert.All(AppTables.Concat(QuartzTables), table => Assert.Contains(table, tables));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MigrateAsync_MigratedDatabase_ChangesNothing(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var services = StorageFixture.CreateServices(provider, connectionString);
        await MigrateAsync(services, cancellationToken);
        var before = await SchemaCatalog.QuartzSchemaAsync(provider, connectionString, cancellationToken);
        var appliedBefore = await AppliedAsync(services, cancellationToken);

        await MigrateAsync(services, cancellationToken);
        await using (var restarted = StorageFixture.CreateServices(provider, connectionString))
        {
            await MigrateAsync(restarted, cancellationToken);
        }

        Assert.Equal(appliedBefore, await AppliedAsync(services, cancellationToken));
        Assert.Equal(before, await SchemaCatalog.QuartzSchemaAsync(provider, connectionString, cancellationToken));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MigrateAsync_ManyInstancesStartingAtOnce_AllSucceed(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var services = StorageFixture.CreateServices(provider, connectionString);
            await MigrateAsync(services, cancellationToken);
        }));

        await using var check = StorageFixture.CreateServices(provider, connectionString);
        await using var scope = check.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancellationToken));
    }

    private static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    private static async Task<List<string>> AppliedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        return [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)];
    }
}
