using AlignBot.Core.Availability;
using Microsoft.Extensions.Options;
using Quartz;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>
/// Every <see cref="GraphOptions.SyncEvery"/>: reads everyone's mailbox time zone and automatic replies from Graph into
/// their availability. Scheduled whether or not Graph is configured (the schedule lives in the database and outlasts
/// configuration changes); without Graph it does nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MailboxSyncJob(IOptions<GraphOptions> options, IServiceProvider services, ILogger<MailboxSyncJob> logger) : IJob
{
    public static readonly JobKey Key = new("graph.mailbox-sync", "alignbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    public async Task<MailboxSyncResult?> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            GraphLog.NotConfigured(logger, GraphOptions.Section);
            return null;
        }

        // Resolved only when Graph is configured: the Graph client and reader are not registered otherwise.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = Key.Name });
        return await services.GetRequiredService<SyncMailboxSettings>().ExecuteAsync(cancellationToken);
    }
}
