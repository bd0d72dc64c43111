using System.Net;
using System.Text.Json;
using AlignBot.Data;
using AlignBot.Host.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AlignBot.Host.Tests.Data.Scheduling;

/// <summary>The whole app started on an empty database, scheduler on: the schema is there before Quartz checks it.</summary>
public sealed class ProgramStartupTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Program_FreshDatabase_MigratesBeforeTheSchedulerStarts(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting($"ConnectionStrings:{StorageOptions.ConnectionStringName}", connectionString)
            .UseSetting($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}", provider.ToString())
            .UseSetting($"{SchedulingModule.Section}:Enabled", "true")
            .UseSetting("AlignBot:Outbox:Enabled", "false"));
        using var client = app.CreateClient();

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        using (var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // The hosted service starts the scheduler after the app has started; give it that moment.
            startup.CancelAfter(TimeSpan.FromSeconds(30));
            while (scheduler.Status != SchedulerStatus.Running && !startup.IsCancellationRequested)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));

        Assert.True(response.StatusCode == HttpStatusCode.OK, health.RootElement.GetRawText());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
        Assert.True(await scheduler.Exists(HousekeepingTickJob.Key, cancellationToken));
        Assert.Contains("qrtz_job_details", await SchemaCatalog.TablesAsync(provider, connectionString, cancellationToken));
    }

    /// <summary>
    /// What the host protects (export links, Slack tokens) stays readable after a restart, on a new machine or another
    /// instance: the key ring is kept with the data (a table on PostgreSQL, a folder beside the SQLite file), never in a
    /// folder of the machine's user, which another database's host on the same machine would share.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Program_Restarted_ReadsWhatItProtected_AnotherDatabaseCannot(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        string secret;
        await using (var before = Start(provider, connectionString))
        {
            secret = Protector(before).Protect("stand-up 42, 1-7 March");
        }

        await using var after = Start(provider, connectionString);
        await using var elsewhere = Start(provider, provider == StorageProvider.Sqlite
            ? $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("alignbot-test-").FullName, "alignbot.db")}" // its own folder
            : await storage.CreateDatabaseAsync(provider, cancellationToken));

        Assert.Equal("stand-up 42, 1-7 March", Protector(after).Unprotect(secret));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => Protector(elsewhere).Unprotect(secret));
        if (provider == StorageProvider.Postgres)
        {
            await using var scope = after.Services.CreateAsyncScope();
            Assert.NotEmpty(scope.ServiceProvider.GetRequiredService<AlignBotDbContext>().DataProtectionKeys);
        }
        else
        {
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(DataModule.SqliteFolder(connectionString)!, AlignBotModule.KeyRingFolder), "key-*.xml"));
        }
    }

    /// <summary>
    /// On SQLite the keys the Slack install kept in the database table before stay readable, and a key made now goes to
    /// the folder beside the file, never to the table: a write there could wait on the event that holds SQLite's writer.
    /// </summary>
    [Fact]
    public async Task Program_SqliteWithKeysInTheTable_ReadsThem_NewKeysGoToTheFolder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("alignbot-test-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "alignbot.db")}";
        await using (Start(StorageProvider.Sqlite, connectionString))
        {
            // migrated
        }

        string token;
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddLogging()
            .AddAlignBotData(StorageFixture.Configuration(StorageProvider.Sqlite, connectionString));
        services.AddDataProtection().SetApplicationName(AlignBotModule.KeyRingApplicationName).PersistKeysToDbContext<AlignBotDbContext>();
        await using (var before = services.BuildServiceProvider())
        {
            token = before.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose).Protect("xoxb-kept");
        }

        await using var app = Start(StorageProvider.Sqlite, connectionString);
        Assert.Equal("xoxb-kept", Protector(app).Unprotect(token));
        var now = DateTimeOffset.UtcNow;
        var made = app.Services.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));

        Assert.True(File.Exists(Path.Combine(folder, AlignBotModule.KeyRingFolder, $"key-{made.KeyId:D}.xml")));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<AlignBotDbContext>().DataProtectionKeys.ToListAsync(cancellationToken));
    }

    private const string ProtectorPurpose = "key-ring-test";

    private static IDataProtector Protector(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose);

    private static WebApplicationFactory<Program> Start(StorageProvider provider, string connectionString)
    {
        var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting($"ConnectionStrings:{StorageOptions.ConnectionStringName}", connectionString)
            .UseSetting($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}", provider.ToString())
            .UseSetting($"{SchedulingModule.Section}:Enabled", "false")
            .UseSetting("AlignBot:Outbox:Enabled", "false"));
        _ = app.Services; // started
        return app;
    }

    [Fact]
    public async Task Program_Started_ReadsTheKeyRingOnFirstUseOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = Start(StorageProvider.Sqlite, await storage.CreateDatabaseAsync(StorageProvider.Sqlite, cancellationToken));

        var dataProtection = typeof(DataProtectionOptions).Assembly;
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service.GetType().Assembly == dataProtection);
        Assert.Equal("kept", Protector(app).Unprotect(Protector(app).Protect("kept")));
    }
}
