namespace AlignBot.Host.Integrations.Graph;

internal static partial class GraphLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph mailbox settings of {AadObjectId}: time zone '{TimeZone}' is neither a Windows nor an IANA zone AlignBot knows; keeping the one it has")]
    public static partial void UnknownTimeZone(ILogger logger, string aadObjectId, string timeZone);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Graph mailbox settings of {AadObjectId}: HTTP {Status} {Code}")]
    public static partial void Refused(ILogger logger, string aadObjectId, int status, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph mailbox settings of {AadObjectId} could not be read")]
    public static partial void Failed(ILogger logger, Exception exception, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph is not configured ({Section}): mailbox time zones and automatic replies are not synced")]
    public static partial void NotConfigured(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the mailbox settings of {AadObjectId}, met for the first time; the next periodic sync reads them")]
    public static partial void FirstSightNotQueued(ILogger logger, Exception exception, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Graph did not give the address of {AadObjectId} (HTTP {Status}); without User.Read.All Slack accounts are linked by the address in configuration or Teams' roster")]
    public static partial void EmailNotRead(ILogger logger, string aadObjectId, int status);
}
