namespace AlignBot.Core.Conversations;

/// <summary>
/// A message the bot will send: written to the outbox in the same transaction as the state change that
/// caused it, and delivered later by the dispatcher. For <see cref="OutboundOperation.Update"/> and
/// <see cref="OutboundOperation.Delete"/>, the target is either a platform message id
/// (<see cref="TargetActivityId"/>) or an earlier outbox row whose sent message id the dispatcher looks up
/// (<see cref="TargetOutboxKey"/>). <see cref="Key"/> is an idempotency key: a second row with the same key is
/// never written.
/// </summary>
public sealed record OutboundMessage(
    ConversationRef To,
    OutboundOperation Operation,
    MessageContent? Content,
    string? Key = null,
    string? ReplyToActivityId = null,
    string? TargetActivityId = null,
    string? TargetOutboxKey = null,
    UserRef? Recipient = null)
{
    public static OutboundMessage Send(ConversationRef to, MessageContent content, string? key = null) =>
        new(to, OutboundOperation.Send, content, key);

    public static OutboundMessage Reply(ConversationRef to, string replyToActivityId, MessageContent content, string? key = null) =>
        new(to, OutboundOperation.Reply, content, key, ReplyToActivityId: replyToActivityId);

    /// <summary>A reply in the thread of an earlier outbox row (the dispatcher waits until that one is sent).</summary>
    public static OutboundMessage ReplyToSent(ConversationRef to, string parentOutboxKey, MessageContent content, string? key = null) =>
        new(to, OutboundOperation.Reply, content, key, TargetOutboxKey: parentOutboxKey);

    public static OutboundMessage UpdateActivity(ConversationRef to, string activityId, MessageContent content) =>
        new(to, OutboundOperation.Update, content, TargetActivityId: activityId);

    public static OutboundMessage UpdateSent(ConversationRef to, string outboxKey, MessageContent content) =>
        new(to, OutboundOperation.Update, content, TargetOutboxKey: outboxKey);

    public static OutboundMessage DeleteActivity(ConversationRef to, string activityId) =>
        new(to, OutboundOperation.Delete, null, TargetActivityId: activityId);

    /// <summary>A proactive 1:1 message; <paramref name="via"/> carries the tenant and service of the recipient.</summary>
    public static OutboundMessage SendToUser(ConversationRef via, UserRef recipient, MessageContent content, string? key = null) =>
        new(via, OutboundOperation.SendToUser, content, key, Recipient: recipient);

    /// <summary>The recipient's home (Slack's App Home tab) shows <paramref name="content"/>'s card; <paramref name="via"/> is their 1:1 chat.</summary>
    public static OutboundMessage PublishHome(ConversationRef via, UserRef recipient, MessageContent content) =>
        new(via, OutboundOperation.PublishHome, content, Recipient: recipient);

    /// <summary>A message in <paramref name="to"/> that only <paramref name="recipient"/> sees.</summary>
    public static OutboundMessage Ephemeral(ConversationRef to, UserRef recipient, MessageContent content) =>
        new(to, OutboundOperation.Ephemeral, content, Recipient: recipient);
}
