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

    /// <summary>Job data of a one-off run for one person (<see cref="MailboxSyncTrigger"/>).</summary>
    public const string PersonKey = "aadObjectId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.MergedJobDataMap.GetString(PersonKey) is { Length: > 0 } aadObjectId)
        {
            await RunForAsync(aadObjectId, cancellationToken);
        }
        else
        {
            await RunAsync(cancellationToken);
        }
    }

    /// <summary>One person's mailbox settings; false when Graph is off or AlignBot does not know them.</summary>
    public async Task<bool> RunForAsync(string aadObjectId, CancellationToken cancellationToken) =>
        options.Value.IsConfigured && await services.GetRequiredService<SyncMailboxSettings>().ExecuteForAsync(aadObjectId, cancellationToken);

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
