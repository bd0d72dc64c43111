using System.Text.Json;

namespace AlignBot.Channels.Slack.Api;

/// <summary>App-level methods: called with the app token (xapp-...), not a workspace's bot token.</summary>
internal sealed partial class SlackWebApiClient
{
    /// <summary>
    /// <c>apps.connections.open</c>: a fresh Socket Mode WebSocket address (single use, short-lived), or null with
    /// Slack's answer when there is none (a bad app token, Socket Mode off, Slack down).
    /// </summary>
    public async Task<(Uri? Url, SlackApiResponse Response)> OpenSocketConnectionAsync(string appToken, CancellationToken cancellationToken)
    {
        var response = await PostAsync("apps.connections.open", appToken, content: null, cancellationToken);
        var url = response is { Ok: true, Body: { } body } && body["url"]?.GetValueKind() == JsonValueKind.String
            && Uri.TryCreate((string?)body["url"], UriKind.Absolute, out var parsed) && (parsed.Scheme == "wss" || (parsed.Scheme == "ws" && parsed.IsLoopback)) // ws only to a fake on loopback
            ? parsed
            : null;
        return (url, response);
    }
}
