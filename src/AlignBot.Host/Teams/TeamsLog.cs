namespace AlignBot.Host.Teams;

internal static partial class TeamsLog
{
    /// <summary>
    /// The anonymous-mode warning's own category, so it can be filtered by itself (a test host, a developer's machine)
    /// without silencing anything else the host logs.
    /// </summary>
    public const string AnonymousModeCategory = "AlignBot.Host.Teams.AnonymousMode";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to /api/messages: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AlignBot runs in ANONYMOUS mode: no MicrosoftAppId is set, so requests to /api/messages are not authenticated. Fine on a laptop with the Agents Playground; never in production.")]
    public static partial void AnonymousMode(ILogger logger);
}
