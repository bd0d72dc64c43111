namespace AlignBot.Host.Slack;

internal static partial class SlackLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request refused: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request not understood: {Reason}")]
    public static partial void Invalid(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack retry {RetryNum} of event {EventId}")]
    public static partial void Retry(ILogger logger, string retryNum, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack button {ActionId} is not one of AlignBot's: ignored")]
    public static partial void UnknownAction(ILogger logger, string actionId);
}
