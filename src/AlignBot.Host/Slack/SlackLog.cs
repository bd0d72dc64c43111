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

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} linked to member {MemberId} by verified email")]
    public static partial void LinkedByEmail(ILogger logger, string userId, string memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} not linked by email: {Reason}")]
    public static partial void NotLinkedByEmail(ILogger logger, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack user {UserId} could not be linked by email this time")]
    public static partial void EmailLinkFailed(ILogger logger, Exception exception, string userId);
}
