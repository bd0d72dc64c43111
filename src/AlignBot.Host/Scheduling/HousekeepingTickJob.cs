using AlignBot.Data.Conversations;
using AlignBot.Data.Outbox;
using Quartz;

namespace AlignBot.Host.Scheduling;

/// <summary>
/// The foundation's tick: forgets inbound delivery ids older than a week (platforms retry within minutes) and
/// marks outbox rows a stopped instance left in flight as indeterminate, so they are never sent twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class HousekeepingTickJob(InboundDeduplicator deduplicator, OutboxStore outbox, TimeProvider clock, ILogger<HousekeepingTickJob> logger) : IJob
{
    public static readonly JobKey Key = new("housekeeping.tick", "alignbot");

    public static readonly TimeSpan DeliveryRetention = TimeSpan.FromDays(7);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var purged = await deduplicator.PurgeOlderThanAsync(DeliveryRetention, cancellationToken);
        var recovered = await outbox.RecoverAbandonedAsync(clock.GetUtcNow(), cancellationToken);
        SchedulingLog.Housekeeping(logger, purged, recovered);
    }
}
