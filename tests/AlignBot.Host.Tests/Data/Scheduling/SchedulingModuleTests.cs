using AlignBot.Data;
using AlignBot.Host.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace AlignBot.Host.Tests.Data.Scheduling;

/// <summary>Quartz's persistent store in the app's database, on both providers, as the host configures it.</summary>
public sealed class SchedulingModuleTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly TimeSpan FiringTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddScheduling_MigratedDatabase_SchedulerFiresATriggerFromTheAppDatabase(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(provider, cancellationToken);
        using var host = BuildHost(provider, connectionString, TimeProvider.System);
        await host.StartAsync(cancellationToken);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create().WithIdentity("probe.trigger", "tests").StartNow().Build();

        await scheduler.ScheduleJob(JobBuilder.Create<ProbeJob>().WithIdentity("probe", "tests").Build(), trigger, cancellationToken: cancellationToken);
        var fired = await host.Services.GetRequiredService<ProbeSignal>().Fired.WaitAsync(FiringTimeout, cancellationToken);

        Assert.Equal(trigger.Key, fired);
        await host.StopAsync(cancellationToken);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite, false)]
    [InlineData(StorageProvider.Postgres, true)]
    public async Task AddScheduling_MigratedDatabase_PersistentStoreClusteredOnlyOnPostgres(StorageProvider provider, bool clustered)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(provider, cancellationToken);
        using var host = BuildHost(provider, connectionString, TimeProvider.System);

        await host.StartAsync(cancellationToken);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);

        Assert.Equal(SchedulingModule.SchedulerName, scheduler.SchedulerName);
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(clustered, metadata.JobStoreClustered);
        await host.StopAsync(cancellationToken);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddScheduling_MigratedDatabase_StoresTheTickWithMisfireDoNothing(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(provider, cancellationToken);
        using var host = BuildHost(provider, connectionString, TimeProvider.System);

        await host.StartAsync(cancellationToken);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var job = await scheduler.GetJobDetail(HousekeepingTickJob.Key, cancellationToken);
        var triggers = await scheduler.GetTriggersOfJob(HousekeepingTickJob.Key, cancellationToken);

        Assert.NotNull(job);
        Assert.True(job.ConcurrentExecutionDisallowed);
        var tick = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(triggers));
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, tick.MisfireInstruction);
        await host.StopAsync(cancellationToken);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddScheduling_FakeClockInContainer_SchedulerRunsOnIt(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await MigratedDatabaseAsync(provider, cancellationToken);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        using var host = BuildHost(provider, connectionString, clock);
        await host.StartAsync(cancellationToken);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(clock).WithIdentity("probe.at-nine", "tests").StartAt(clock.GetUtcNow().AddHours(1)).Build();
        await scheduler.ScheduleJob(JobBuilder.Create<ProbeJob>().WithIdentity("probe.clock", "tests").Build(), trigger, cancellationToken: cancellationToken);

        clock.Advance(TimeSpan.FromHours(1));
        var fired = await host.Services.GetRequiredService<ProbeSignal>().Fired.WaitAsync(FiringTimeout, cancellationToken);

        Assert.Same(clock, scheduler.TimeProvider);
        Assert.Equal(trigger.Key, fired);
        await host.StopAsync(cancellationToken);
    }

    /// <summary>The scheduler never builds its own schema: on a database nobody migrated it refuses to start.</summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddScheduling_UnmigratedDatabase_StartFailsNamingTheSchema(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        using var host = BuildHost(provider, connectionString, TimeProvider.System);

        var error = await Assert.ThrowsAsync<SchedulerException>(() => host.StartAsync(cancellationToken));

        Assert.Contains("schema", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("qrtz_job_details", await SchemaCatalog.TablesAsync(provider, connectionString, cancellationToken));
    }

    /// <summary>
    /// The QuartzSchema migration is a frozen copy of what Quartz creates for itself: when a Quartz upgrade changes
    /// its schema, this fails and asks for a new migration (docs/adr/0001-quartz-schema.md).
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task QuartzSchemaMigration_ComparedWithQuartzOwnProvisioning_Identical(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var migrated = await MigratedDatabaseAsync(provider, cancellationToken);
        var provisioned = await storage.CreateDatabaseAsync(provider, cancellationToken);
        var factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "provisioning");
            q.UsePersistentStore(store =>
            {
                SchedulingModule.UseAppDatabase(store, new StorageSelection(provider, provisioned));
                store.ProvisionSchema();
            });
        }).Build();
        await using (factory as IAsyncDisposable)
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            await scheduler.Start(cancellationToken);
            await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
        }

        var expected = await SchemaCatalog.QuartzSchemaAsync(provider, provisioned, cancellationToken);
        var actual = await SchemaCatalog.QuartzSchemaAsync(provider, migrated, cancellationToken);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private async Task<string> MigratedDatabaseAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var services = StorageFixture.CreateServices(provider, connectionString);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return connectionString;
    }

    /// <summary>The app's data and scheduling registrations, with the scheduler's hosted service on.</summary>
    private static IHost BuildHost(StorageProvider provider, string connectionString, TimeProvider clock)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddConfiguration(StorageFixture.Configuration(provider, connectionString));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<ProbeSignal>();
        builder.Services.AddAlignBotData(builder.Configuration);
        builder.AddScheduling();
        return builder.Build();
    }
}
