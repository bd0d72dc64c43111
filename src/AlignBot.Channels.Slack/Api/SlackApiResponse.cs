using System.Net;

namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// One Web API answer: the HTTP status, Slack's <c>ok</c> and <c>error</c>, the posted message's <c>ts</c> and
/// <c>channel</c>, and the Retry-After of a 429.
/// </summary>
internal sealed record SlackApiResponse(HttpStatusCode StatusCode, bool Ok, string? Error, string? Ts, string? Channel, TimeSpan? RetryAfter);
