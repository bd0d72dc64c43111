using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Outbox;

/// <summary>
/// Keeps the platform's published send limits locally: per conversation (7 per second and 60 per 30 seconds
/// for Teams) and per tenant (50 per second). Sliding windows, so no burst crosses a window edge.
/// </summary>
internal sealed class SendLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly PartitionedRateLimiter<string> _perTenant;

    public SendLimiter(IOptions<OutboxOptions> options)
    {
        var o = options.Value;
        _perConversation = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(o.PerConversationPerSecond, TimeSpan.FromSeconds(1), 10, 0))),
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30), 30, 0))));
        _perTenant = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(o.PerTenantPerSecond, TimeSpan.FromSeconds(1), 10, int.MaxValue)));
    }

    /// <summary>Takes a conversation permit if one is free now; never waits, so one busy conversation holds nobody up.</summary>
    public bool TryAcquireConversation(string conversationKey)
    {
        using var lease = _perConversation.AttemptAcquire(conversationKey);
        return lease.IsAcquired;
    }

    /// <summary>
    /// Waits for tenant permits (every conversation of the tenant shares them): one per request the message will make
    /// (a proactive 1:1 message is two: create the conversation, then send).
    /// </summary>
    public async Task AcquireTenantAsync(string tenantKey, int requests, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var lease = await _perTenant.AcquireAsync(tenantKey, requests, cancellationToken);
            if (lease.IsAcquired)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _perConversation.Dispose();
        _perTenant.Dispose();
    }

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window, int segments, int queue) => new()
    {
        PermitLimit = permits,
        Window = window,
        SegmentsPerWindow = segments,
        QueueLimit = queue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };
}
