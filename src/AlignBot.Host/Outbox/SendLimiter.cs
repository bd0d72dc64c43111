using AlignBot.Core.Conversations;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Outbox;

/// <summary>
/// Keeps the platform's published send limits locally: per conversation (7 per second and 60 per 30 seconds
/// for Teams) and per tenant (50 per second). Sliding windows, so no burst crosses a window edge.
/// </summary>
internal sealed class SendLimiter : ISendPacer, IDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly ConcurrentDictionary<string, SlidingWindowRateLimiter> _perTenant = new(StringComparer.Ordinal);
    private readonly int _perTenantPerSecond;

    public SendLimiter(IOptions<OutboxOptions> options)
    {
        var o = options.Value;
        _perConversation = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(o.PerConversationPerSecond, TimeSpan.FromSeconds(1), 10, 0))),
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30), 30, 0))));
        _perTenantPerSecond = o.PerTenantPerSecond;
    }

    /// <summary>Takes a conversation permit if one is free now; never waits, so one busy conversation holds nobody up.</summary>
    public bool TryAcquireConversation(string conversationKey)
    {
        using var lease = _perConversation.AttemptAcquire(conversationKey);
        return lease.IsAcquired;
    }

    /// <summary>Waits for a permit of the message's tenant (every conversation of the tenant shares them), before each request.</summary>
    public Task WaitTurnAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        AcquireTenantAsync($"{(int)message.To.Platform}:{message.To.TenantId}", 1, cancellationToken);

    public async Task AcquireTenantAsync(string tenantKey, int requests, CancellationToken cancellationToken)
    {
        while (true)
        {
            // One limiter per tenant with its own replenishment timer: the tenant budget is the one the dispatcher runs at,
            // so its windows must slide on time (a shared partition timer can skip a segment and lose throughput).
            // The window is one segment longer than the platform's second: a permit used at the end of a segment comes back
            // no sooner than a full second later, so no continuous one-second window ever holds more than the limit.
            var limiter = _perTenant.GetOrAdd(tenantKey, _ => new SlidingWindowRateLimiter(Window(_perTenantPerSecond, TimeSpan.FromMilliseconds(1050), 21, int.MaxValue)));
            using var lease = await limiter.AcquireAsync(requests, cancellationToken);
            if (lease.IsAcquired)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _perConversation.Dispose();
        foreach (var limiter in _perTenant.Values)
        {
            limiter.Dispose();
        }
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
