namespace AlignBot.Core.Conversations;

/// <summary>Delivers one outbound message to one platform. Implemented by each channel project.</summary>
public interface IPlatformSender
{
    Platform Platform { get; }

    /// <summary>
    /// Makes one attempt, no retries (the outbox dispatcher owns retries). For updates and deletes,
    /// <paramref name="targetActivityId"/> is the resolved id of the message to change.
    /// </summary>
    Task<SendResult> SendAsync(OutboundMessage message, string? targetActivityId, CancellationToken cancellationToken);
}
