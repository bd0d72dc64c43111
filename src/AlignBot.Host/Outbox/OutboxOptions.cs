using System.ComponentModel.DataAnnotations;

namespace AlignBot.Host.Outbox;

/// <summary>How the outbox dispatcher paces and retries. Limits default to each platform's published ones.</summary>
public sealed class OutboxOptions
{
    public const string Section = "AlignBot:Outbox";

    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Sends in flight at once, across conversations (one conversation always has at most one).</summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 64;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "06:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed row may stay in flight before a restart treats it as abandoned.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Teams: 7 messages per second per conversation.</summary>
    [Range(1, 10000)]
    public int PerConversationPerSecond { get; set; } = 7;

    /// <summary>Teams: 60 messages per 30 seconds per conversation.</summary>
    [Range(1, 100000)]
    public int PerConversationPer30Seconds { get; set; } = 60;

    /// <summary>Teams: 50 requests per second per app per tenant.</summary>
    [Range(1, 100000)]
    public int PerTenantPerSecond { get; set; } = 50;

    /// <summary>Slack: messages per second to one channel or direct message (chat.postMessage's "about one a second").</summary>
    [Range(1, 100)]
    public int SlackPerChannelPerSecond { get; set; } = 1;

    /// <summary>Slack: the short burst a channel allows above its per-second rate.</summary>
    [Range(1, 100)]
    public int SlackPerChannelBurst { get; set; } = 3;

    /// <summary>Slack: chat.postMessage's workspace-wide limit, per second ("several hundred a minute").</summary>
    [Range(1, 10000)]
    public int SlackPostsPerWorkspacePerSecond { get; set; } = 10;

    /// <summary>Slack: calls a minute per method and workspace for a Tier 2 method.</summary>
    [Range(1, 100000)]
    public int SlackTier2PerMinute { get; set; } = 20;

    /// <summary>Slack: calls a minute per method and workspace for a Tier 3 method (conversations.open, users.lookupByEmail).</summary>
    [Range(1, 100000)]
    public int SlackTier3PerMinute { get; set; } = 50;

    /// <summary>Slack: calls a minute per method and workspace for a Tier 4 method (users.info, conversations.members).</summary>
    [Range(1, 100000)]
    public int SlackTier4PerMinute { get; set; } = 100;
}
