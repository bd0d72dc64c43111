namespace AlignBot.Channels.Slack.Api;

/// <summary>A Web API answer and what AlignBot read from it: <see cref="Value"/> is set only when Slack said ok.</summary>
internal sealed record SlackResult<T>(SlackApiResponse Response, T? Value)
    where T : class
{
    public bool Ok => Response.Ok && Value is not null;

    public static SlackResult<T> From(SlackApiResponse response, Func<System.Text.Json.Nodes.JsonObject, T?> read) =>
        new(response, response is { Ok: true, Body: { } body } ? read(body) : null);
}
