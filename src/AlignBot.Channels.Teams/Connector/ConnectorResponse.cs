using System.Net;

namespace AlignBot.Channels.Teams.Connector;

/// <summary>One Connector call's outcome: the status, the parsed body on success, Retry-After when the service sent one.</summary>
internal sealed record ConnectorResponse<T>(HttpStatusCode StatusCode, T? Body, TimeSpan? RetryAfter, string? Error)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
