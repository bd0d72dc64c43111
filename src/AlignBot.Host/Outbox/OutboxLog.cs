namespace AlignBot.Host.Outbox;

internal static partial class OutboxLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox dispatcher is switched off (AlignBot:Outbox:Enabled=false): messages are queued but not sent by this instance")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} outbox rows left in flight by a stopped dispatcher; they are not resent")]
    public static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox row {OutboxId} sent to {Platform} as {ActivityId}")]
    public static partial void Sent(ILogger logger, long outboxId, string platform, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox row {OutboxId} throttled ({StatusCode}); attempt {Attempt}, next at {NextAttemptAt}")]
    public static partial void Throttled(ILogger logger, long outboxId, int statusCode, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox row {OutboxId} held: {Reason}")]
    public static partial void Held(ILogger logger, long outboxId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId}: recipient gone ({Reason})")]
    public static partial void RecipientGone(ILogger logger, long outboxId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {OutboxId} failed on attempt {Attempt}: {Reason}")]
    public static partial void Failed(ILogger logger, long outboxId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {OutboxId} gave up after {Attempt} attempts: {Reason}")]
    public static partial void GaveUp(ILogger logger, long outboxId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher loop failed; it retries after the poll interval")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending outbox row {OutboxId} threw")]
    public static partial void SendThrew(ILogger logger, Exception exception, long outboxId);
}
