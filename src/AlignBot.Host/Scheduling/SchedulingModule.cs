using AlignBot.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace AlignBot.Host.Scheduling;

/// <summary>
/// Quartz decides when; the jobs call the same services chat does. One tick job per feature, asking "what is
/// due now?" (STYLE.md §2), never one trigger per team.
/// </summary>
/// <remarks>
/// The schedule lives in the app's own database (<see cref="StorageSelection"/>): SQLite through
/// Microsoft.Data.Sqlite by default, PostgreSQL clustered when the app runs there, so each trigger fires on one
/// instance and a dead instance's work is recovered. The store's tables come with our EF Core migrations
/// (docs/adr/0001-quartz-schema.md); Quartz only validates them when it starts. Quartz reads time from the
/// container's <see cref="TimeProvider"/> without being told (<c>UseTimeProvider</c> would pin one and hide a
/// test's fake clock).
/// </remarks>
internal static class SchedulingModule
{
    public const string Section = "AlignBot:Scheduler";

    public const string SchedulerName = "AlignBot";

    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        var storage = builder.Services.RegisteredStorage()
            ?? throw new InvalidOperationException("Register the database (AddAlignBotData) before the scheduler: Quartz keeps its schedule in the same database.");

        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            q.UsePersistentStore(store => UseAppDatabase(store, storage));
            AddTick<HousekeepingTickJob>(q, HousekeepingTickJob.Key, "0 */10 * * * ?");
            AddTick<Standups.StandupTickJob>(q, Standups.StandupTickJob.Key, "0 * * * * ?");
            AddTick<Feedback.FeedbackTickJob>(q, Feedback.FeedbackTickJob.Key, "30 * * * * ?");
            AddEvery<Integrations.Graph.MailboxSyncJob>(q, Integrations.Graph.MailboxSyncJob.Key, SyncEvery(builder.Configuration));
        });
        if (builder.Configuration.GetValue($"{Section}:Enabled", true))
        {
            builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return builder;
    }

    /// <summary>Points the job store at the app's database; clustered on PostgreSQL, where several instances share it.</summary>
    internal static void UseAppDatabase(IPersistentStoreBuilder store, StorageSelection storage)
    {
        store.UseSystemTextJsonSerializer();
        if (storage.Provider == StorageProvider.Postgres)
        {
            store.UsePostgres(NpgsqlFactory.Instance, storage.ConnectionString);
            store.UseClustering();
        }
        else
        {
            store.UseSqlite(SqliteFactory.Instance, storage.ConnectionString);
        }
    }

    /// <summary>The mailbox sync's interval; a bad value is reported by the Graph options validator, so fall back quietly here.</summary>
    private static TimeSpan SyncEvery(IConfiguration configuration)
    {
        var every = configuration.GetSection(Integrations.Graph.GraphOptions.Section).Get<Integrations.Graph.GraphOptions>()?.SyncEvery ?? TimeSpan.Zero;
        return every >= TimeSpan.FromMinutes(1) ? every : new Integrations.Graph.GraphOptions().SyncEvery;
    }

    private static void AddEvery<TJob>(IQuartzBuilder quartz, JobKey key, TimeSpan every)
        where TJob : class, IJob
    {
        quartz.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
        quartz.AddTrigger(t => t
            .ForJob(key)
            .WithIdentity(key.Name + ".trigger", key.Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever()));
    }

    private static void AddTick<TJob>(IQuartzBuilder quartz, JobKey key, string cron)
        where TJob : class, IJob
    {
        quartz.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
        quartz.AddTrigger(t => t
            .ForJob(key)
            .WithIdentity(key.Name + ".trigger", key.Group)
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
    }
}
