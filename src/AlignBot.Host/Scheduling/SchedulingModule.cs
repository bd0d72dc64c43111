using Quartz;

namespace AlignBot.Host.Scheduling;

/// <summary>
/// Quartz decides when; the jobs call the same services chat does. One tick job per feature, asking "what is
/// due now?" (STYLE.md §2), never one trigger per team. Quartz reads time from the container's <see cref="TimeProvider"/>.
/// </summary>
internal static class SchedulingModule
{
    public const string Section = "AlignBot:Scheduler";

    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "AlignBot");
            AddTick<HousekeepingTickJob>(q, HousekeepingTickJob.Key, "0 */10 * * * ?");
            AddTick<Standups.StandupTickJob>(q, Standups.StandupTickJob.Key, "0 * * * * ?");
        });
        if (builder.Configuration.GetValue($"{Section}:Enabled", true))
        {
            builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return builder;
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
