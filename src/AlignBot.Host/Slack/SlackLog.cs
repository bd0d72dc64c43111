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

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot token works: workspace {Team} ({TeamId}), bot user {BotUserId}, {Url}")]
    public static partial void TokenWorks(ILogger logger, string team, string teamId, string botUserId, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack's bot token could not be checked at start (auth.test: {Problem}); sending will try anyway")]
    public static partial void TokenNotChecked(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack profile of {UserId} not read: {Problem}")]
    public static partial void ProfileNotRead(ILogger logger, string userId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the Slack profile of {UserId} failed")]
    public static partial void ProfileFailed(ILogger logger, Exception exception, string userId);
}
