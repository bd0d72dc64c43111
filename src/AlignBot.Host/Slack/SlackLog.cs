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

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId} installed AlignBot")]
    public static partial void Installed(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install refused: {Error}")]
    public static partial void InstallRefused(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId}: {Event}, its bot token forgotten (stored: {Removed})")]
    public static partial void TokensRevoked(ILogger logger, string teamId, string @event, bool removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored bot token of Slack workspace {TeamId} can't be decrypted (Data Protection keys lost?): it must install AlignBot again")]
    public static partial void TokenUnreadable(ILogger logger, string teamId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} linked to member {MemberId} by verified email")]
    public static partial void LinkedByEmail(ILogger logger, string userId, string memberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {UserId} not linked by email: {Reason}")]
    public static partial void NotLinkedByEmail(ILogger logger, string userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot token works: workspace {Team} ({TeamId}), bot user {BotUserId}, {Url}")]
    public static partial void TokenWorks(ILogger logger, string team, string teamId, string botUserId, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack's bot token could not be checked at start (auth.test: {Problem}); sending will try anyway")]
    public static partial void TokenNotChecked(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack profile of {UserId} not read: {Problem}")]
    public static partial void ProfileNotRead(ILogger logger, string userId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the Slack profile of {UserId} failed")]
    public static partial void ProfileFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed: {Error}")]
    public static partial void CallFailed(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack button {ActionId} is not one of AlignBot's: ignored")]
    public static partial void UnknownAction(ILogger logger, string actionId);
}
