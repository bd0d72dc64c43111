using Microsoft.Extensions.Logging;

namespace AlignBot.Channels.Slack.Socket;

internal static partial class SocketModeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connected to {Host}")]
    public static partial void Connected(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack Socket Mode hello: ready for envelopes")]
    public static partial void Hello(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked for a new Socket Mode connection ({Reason})")]
    public static partial void Disconnect(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack closed the Socket Mode connection without a disconnect message (close status {Status})")]
    public static partial void ClosedBySlack(ILogger logger, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack refused apps.connections.open ({StatusCode} {Error}): check AlignBot:Slack:AppToken and that Socket Mode is on for the app")]
    public static partial void OpenRefused(ILogger logger, int statusCode, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection lost")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode reconnecting after {Failures} failures in a row, in {Delay}")]
    public static partial void Reconnecting(ILogger logger, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode message not understood: {Reason}")]
    public static partial void Invalid(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ack of a '{Type}' envelope was lost with its connection; Slack delivers it again")]
    public static partial void AckLost(ILogger logger, string type, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A '{Type}' envelope failed and is left unacknowledged for Slack to deliver again")]
    public static partial void HandlerFailed(ILogger logger, string type, Exception exception);
}
