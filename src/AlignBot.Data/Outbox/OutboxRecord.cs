using AlignBot.Core.Conversations;

namespace AlignBot.Data.Outbox;

/// <summary>One message to send, written in the transaction that caused it and delivered by the dispatcher.</summary>
internal sealed class OutboxRecord
{
    public long Id { get; set; }

    public Platform Platform { get; set; }

    public string TenantId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    /// <summary>Idempotency key: a second message with the same key is never written.</summary>
    public string? Key { get; set; }

    /// <summary>For updates and deletes: the key of the row whose sent message this one changes.</summary>
    public string? TargetKey { get; set; }

    public OutboundOperation Operation { get; set; }

    /// <summary>The whole <see cref="OutboundMessage"/> as JSON.</summary>
    public string Payload { get; set; } = "";

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? SentActivityId { get; set; }

    public string? SentConversationId { get; set; }

    public string? LastError { get; set; }
}
