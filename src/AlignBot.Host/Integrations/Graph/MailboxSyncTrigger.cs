using Microsoft.Extensions.Options;
using Quartz;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>
/// Asks for one person's mailbox settings soon after AlignBot first meets them, as a one-off run of the sync job
/// (never inline: the chat platform is waiting for its ack). Without Graph, or if the scheduler cannot take it, the
/// next periodic sync reads them anyway.
/// </summary>
internal sealed class MailboxSyncTrigger(IOptions<GraphOptions> options, ISchedulerFactory schedulers, ILogger<MailboxSyncTrigger> logger)
{
    public async Task RequestAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(MailboxSyncJob.Key, new JobDataMap { [MailboxSyncJob.PersonKey] = aadObjectId }, cancellationToken);
        }
        catch (SchedulerException error)
        {
            GraphLog.FirstSightNotQueued(logger, error, aadObjectId);
        }
    }
}
