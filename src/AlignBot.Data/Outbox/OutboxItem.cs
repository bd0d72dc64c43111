using AlignBot.Core.Conversations;

namespace AlignBot.Data.Outbox;

/// <summary>
/// A due outbox row as the dispatcher works with it. The message is read from its JSON only when the row is
/// actually sent: a dispatcher looking over a batch of due rows skips most of them (their conversation is busy
/// or at its rate limit), and reading every payload each time was most of its work under load.
/// </summary>
internal sealed class OutboxItem(long id, Platform platform, string conversationId, OutboundOperation operation, int attempts, string? targetKey, string? payload)
{
    private OutboundMessage? _message;

    /// <summary>A row this process has just committed, with its message already in hand.</summary>
    public static OutboxItem Committed(long id, OutboundMessage message) =>
        new(id, message.To.Platform, message.To.ConversationId, message.Operation, 0, message.TargetOutboxKey, null) { _message = message };

    public long Id => id;

    public int Attempts => attempts;

    public string? TargetKey => targetKey;

    public OutboundMessage Message => _message ??= OutboxJson.Deserialize(payload!);

    /// <summary>What the per-conversation order and limits are kept for: the conversation, or the person a proactive 1:1 goes to.</summary>
    public string ConversationKey =>
        operation == OutboundOperation.SendToUser && Message.Recipient is { } recipient
            ? $"{(int)platform}:user:{recipient.UserId}"
            : $"{(int)platform}:{conversationId}";
}
