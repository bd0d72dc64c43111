namespace AlignBot.Core.Conversations;

/// <summary>
/// Everything needed to post into a conversation later, without the user writing first.
/// <paramref name="ServiceUrl"/> is the Teams channel service the conversation belongs to (null on Slack).
/// </summary>
public sealed record ConversationRef(
    Platform Platform,
    string TenantId,
    string ConversationId,
    ConversationKind Kind,
    string? ServiceUrl,
    string? TeamId = null,
    string? Name = null);
