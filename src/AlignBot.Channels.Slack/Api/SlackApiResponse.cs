using System.Net;
using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// One Web API answer: the HTTP status, Slack's <c>ok</c> and <c>error</c>, the posted message's <c>ts</c> and
/// <c>channel</c>, the Retry-After of a 429, and the whole answer (<see cref="Body"/>) for methods that return more.
/// </summary>
internal sealed record SlackApiResponse(HttpStatusCode StatusCode, bool Ok, string? Error, string? Ts, string? Channel, TimeSpan? RetryAfter)
{
    public JsonObject? Body { get; init; }

    /// <summary>An answer for a workspace AlignBot has no token for: nothing was sent.</summary>
    public static SlackApiResponse NoToken { get; } = new(HttpStatusCode.Unauthorized, false, "not_authed", null, null, null);

    /// <summary>An answer for a workspace whose token Slack already refused with <paramref name="error"/>: nothing was sent.</summary>
    public static SlackApiResponse NotSent(string error) => new(HttpStatusCode.Unauthorized, false, error, null, null, null);
}
