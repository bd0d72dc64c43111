using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Outbox;

/// <summary>
/// Keeps the platforms' published send limits locally, chosen by platform. Teams: per conversation (7 per second and 60
/// per 30 seconds) and per tenant (50 per second), sliding windows, so no burst crosses a window edge. Slack: per channel
/// about one message a second with a short burst (a token bucket), and per workspace each method's tier budget a minute
/// (chat.postMessage: its workspace-wide budget a second), paced by the Web API client before every call it makes.
/// </summary>
internal sealed class SendLimiter : ISendPacer, ISlackPacer, IDisposable
{
    private static readonly string SlackPrefix = $"{(int)Platform.Slack}:";

    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly PartitionedRateLimiter<string> _perSlackChannel;
    private readonly ConcurrentDictionary<string, SlidingWindowRateLimiter> _perTenant = new(StringComparer.Ordinal);
    private readonly int _perTenantPerSecond;
    private readonly OutboxOptions _options;

    public SendLimiter(IOptions<OutboxOptions> options)
    {
        var o = options.Value;
        _perConversation = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(o.PerConversationPerSecond, TimeSpan.FromSeconds(1), 10, 0))),
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(o.PerConversationPer30Seconds, TimeSpan.FromSeconds(30), 30, 0))));
        _perSlackChannel = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.SlackPerChannelBurst,
            TokensPerPeriod = o.SlackPerChannelPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        _perTenantPerSecond = o.PerTenantPerSecond;
        _options = o;
    }

    /// <summary>Takes a conversation permit if one is free now; never waits, so one busy conversation holds nobody up.</summary>
    public bool TryAcquireConversation(string conversationKey)
    {
        using var lease = conversationKey.StartsWith(SlackPrefix, StringComparison.Ordinal)
            ? _perSlackChannel.AttemptAcquire(conversationKey)
            : _perConversation.AttemptAcquire(conversationKey);
        return lease.IsAcquired;
    }

    /// <summary>
    /// Waits for a permit of the message's tenant (every conversation of the tenant shares them), before each request.
    /// Slack's budgets are per method, so the Web API client waits for them itself (<see cref="WaitTurnAsync(string, string, CancellationToken)"/>).
    /// </summary>
    public Task WaitTurnAsync(OutboundMessage message, CancellationToken cancellationToken) =>
        message.To.Platform == Platform.Slack
            ? Task.CompletedTask
            : AcquireTenantAsync($"{(int)message.To.Platform}:{message.To.TenantId}", 1, cancellationToken);

    /// <summary>Waits for a permit of the method's budget in the workspace, before each Slack call.</summary>
    public Task WaitTurnAsync(string teamId, string method, CancellationToken cancellationToken)
    {
        var tier = SlackMethodTiers.Of(method);
        var key = $"{SlackPrefix}{teamId}:{method}";
        var window = tier == SlackMethodTier.PostMessage
            // As Teams' tenant budget: one segment longer than Slack's second, so no continuous second holds more than the budget.
            ? Window(_options.SlackPostsPerWorkspacePerSecond, TimeSpan.FromMilliseconds(1050), 21, int.MaxValue)
            // A minute and a second, in one-second segments: a call's permit comes back a full minute after it at the earliest.
            : Window(PerMinute(tier), TimeSpan.FromSeconds(61), 61, int.MaxValue);
        return AcquireAsync(key, window, cancellationToken);
    }

    private int PerMinute(SlackMethodTier tier) => tier switch
    {
        SlackMethodTier.Tier4 => _options.SlackTier4PerMinute,
        SlackMethodTier.Tier3 => _options.SlackTier3PerMinute,
        _ => _options.SlackTier2PerMinute,
    };

    public Task AcquireTenantAsync(string tenantKey, int requests, CancellationToken cancellationToken) =>
        AcquireAsync(tenantKey, Window(_perTenantPerSecond, TimeSpan.FromMilliseconds(1050), 21, int.MaxValue), cancellationToken, requests);

    private async Task AcquireAsync(string key, SlidingWindowRateLimiterOptions window, CancellationToken cancellationToken, int requests = 1)
    {
        while (true)
        {
            // One limiter per tenant with its own replenishment timer: the tenant budget is the one the dispatcher runs at,
            // so its windows must slide on time (a shared partition timer can skip a segment and lose throughput).
            // The window is one segment longer than the platform's second: a permit used at the end of a segment comes back
            // no sooner than a full second later, so no continuous one-second window ever holds more than the limit.
            var limiter = _perTenant.GetOrAdd(key, _ => new SlidingWindowRateLimiter(window));
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
        _perSlackChannel.Dispose();
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
