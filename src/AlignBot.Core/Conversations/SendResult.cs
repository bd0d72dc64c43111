namespace AlignBot.Core.Conversations;

/// <summary>How one delivery attempt ended, as the dispatcher needs to know it.</summary>
public abstract record SendResult
{
    /// <summary>The platform accepted it; <paramref name="ActivityId"/> is the message id to update it later.</summary>
    public sealed record Sent(string? ActivityId, string? ConversationId = null) : SendResult;

    /// <summary>Too many requests (429) or a transient failure the platform asks to retry (412, 502, 504).</summary>
    public sealed record Throttled(TimeSpan? RetryAfter, int StatusCode) : SendResult;

    /// <summary>The recipient or conversation no longer exists for the bot (403, 404): not retried.</summary>
    public sealed record RecipientGone(string Reason) : SendResult;

    /// <summary>
    /// Not attempted, and not counted as an attempt: sending is on hold for this recipient's workspace or tenant (the
    /// platform refused the bot's credentials). The row waits and is looked at again after <paramref name="RecheckAfter"/>.
    /// </summary>
    public sealed record Held(string Reason, TimeSpan RecheckAfter) : SendResult;

    /// <summary>Anything else. <paramref name="Retryable"/> says whether another attempt may succeed.</summary>
    public sealed record Failed(string Reason, bool Retryable) : SendResult;
}
