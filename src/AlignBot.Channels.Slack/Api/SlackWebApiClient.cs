using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// The Slack Web API methods AlignBot calls, as JSON POSTs with the workspace's bot token as bearer (one partial file
/// per family of methods). One attempt per call: retries belong to the outbox dispatcher, so the HttpClient has no
/// retrying handler (a retried POST could post twice). Every call keeps Slack's limits through <see cref="ISlackPacer"/>
/// and stops for a workspace whose token Slack refused (<see cref="SlackWorkspaceAuth"/>).
/// </summary>
internal sealed partial class SlackWebApiClient(HttpClient http, Uri baseUrl, ISlackTokens tokens, ISlackPacer? pacer = null, SlackWorkspaceAuth? auth = null)
{
    /// <summary><c>chat.postMessage</c>: <paramref name="text"/> is the notification and fallback text, <paramref name="threadTs"/> makes it a threaded reply.</summary>
    public Task<SlackApiResponse> PostMessageAsync(string teamId, string channel, string? text, JsonArray? blocks, string? threadTs, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel };
        if (text is not null)
        {
            body["text"] = text;
        }

        if (blocks is { Count: > 0 })
        {
            body["blocks"] = blocks;
        }

        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }

        return CallAsync(teamId, "chat.postMessage", body, cancellationToken);
    }

    /// <summary>Calls <paramref name="method"/> for the workspace <paramref name="teamId"/> with a JSON body.</summary>
    public Task<SlackApiResponse> CallAsync(string teamId, string method, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(teamId, method, () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);

    /// <summary>
    /// Calls <paramref name="method"/> with form fields: Slack's reading methods (<c>users.info</c>,
    /// <c>conversations.members</c>, <c>users.lookupByEmail</c>) take their arguments as a form or query, not as JSON.
    /// </summary>
    public Task<SlackApiResponse> CallFormAsync(string teamId, string method, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) =>
        SendAsync(teamId, method, () => new FormUrlEncodedContent(fields), cancellationToken);

    /// <summary>
    /// One call: nothing is sent with a token Slack has refused (the answer carries the refusal, so the caller holds
    /// the work), every call waits for its turn in the method's budget for the workspace, and a refusal is remembered.
    /// </summary>
    private async Task<SlackApiResponse> SendAsync(string teamId, string method, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        if (await tokens.BotTokenAsync(teamId, cancellationToken) is not { Length: > 0 } botToken)
        {
            return SlackApiResponse.NoToken;
        }

        if (auth?.RefusedWith(botToken) is { } refusal)
        {
            return SlackApiResponse.NotSent(refusal);
        }

        if (pacer is not null)
        {
            await pacer.WaitTurnAsync(teamId, method, cancellationToken);
        }

        var answer = await PostAsync(method, botToken, content(), cancellationToken);
        if (!answer.Ok && SlackWorkspaceAuth.IsAuthError(answer.Error))
        {
            auth?.Refuse(teamId, botToken, answer.Error!); // IsAuthError is false for a null error
        }

        return answer;
    }

    /// <summary>POSTs <paramref name="content"/> to <paramref name="method"/> with <paramref name="bearer"/> (if any) and reads Slack's answer.</summary>
    private async Task<SlackApiResponse> PostAsync(string method, string? bearer, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, method));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Content = content;

        using var response = await http.SendAsync(request, cancellationToken);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonNode? json = null;
        try
        {
            json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Not Slack's JSON (a proxy's error page): the status code tells the story.
        }

        if (json is not JsonObject answer)
        {
            return new SlackApiResponse(response.StatusCode, false, response.StatusCode == HttpStatusCode.TooManyRequests ? "ratelimited" : $"http_{(int)response.StatusCode}", null, null, retryAfter);
        }

        return new SlackApiResponse(
            response.StatusCode,
            answer["ok"]?.GetValueKind() == JsonValueKind.True,
            (string?)answer["error"],
            // chat.postEphemeral names its message message_ts: a button on it is pressed on that ts.
            answer["ts"]?.GetValueKind() == JsonValueKind.String ? (string?)answer["ts"]
                : answer["message_ts"]?.GetValueKind() == JsonValueKind.String ? (string?)answer["message_ts"] : null,
            answer["channel"]?.GetValueKind() == JsonValueKind.String ? (string?)answer["channel"] : null,
            retryAfter)
        {
            Body = answer,
        };
    }
}
