namespace AlignBot.Host.Conversations;

internal static partial class PipelineLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} was already processed; nothing done")]
    public static partial void Duplicate(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Processed {EventType}; {OutboxCount} messages queued")]
    public static partial void Processed(ILogger logger, string eventType, int outboxCount);
}
