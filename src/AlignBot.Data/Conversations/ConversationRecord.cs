using AlignBot.Core.Conversations;

namespace AlignBot.Data.Conversations;

/// <summary>A conversation the bot is installed in, kept so it can post there proactively.</summary>
internal sealed class ConversationRecord
{
    public long Id { get; set; }

    public Platform Platform { get; set; }

    public string TenantId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public ConversationKind Kind { get; set; }

    public string? ServiceUrl { get; set; }

    public string? TeamId { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public ConversationRef ToRef() => new(Platform, TenantId, ConversationId, Kind, ServiceUrl, TeamId, Name);
}
