using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AlignBot.Channels.Teams.Activities;
using AlignBot.Channels.Teams.Auth;

namespace AlignBot.Channels.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3) at a conversation's serviceUrl: send, reply, update, delete, create a
/// 1:1 conversation, list members page by page. One attempt per call: retries belong to the outbox
/// dispatcher, so this client's HttpClient has no retrying handler (a retried POST could post twice).
/// </summary>
internal sealed class BotConnectorClient(HttpClient http, IBotTokenProvider tokens)
{
    public Task<ConnectorResponse<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    public Task<ConnectorResponse<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public Task<ConnectorResponse<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity with { Id = activityId }, cancellationToken);

    public Task<ConnectorResponse<ResourceResponse>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, cancellationToken);

    public Task<ConnectorResponse<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);

    public Task<ConnectorResponse<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = $"?pageSize={pageSize}" + (continuationToken is null ? "" : "&continuationToken=" + Uri.EscapeDataString(continuationToken));
        return SendAsync<PagedMembersResult>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/pagedmembers{query}", null, cancellationToken);
    }

    /// <summary>One member of a conversation (Teams: GET /v3/conversations/{id}/members/{memberId}).</summary>
    public Task<ConnectorResponse<TeamsMember>> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        SendAsync<TeamsMember>(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, cancellationToken);

    /// <summary>All members of a conversation, following continuation tokens until the last page.</summary>
    public async IAsyncEnumerable<TeamsMember> GetAllMembersAsync(string serviceUrl, string conversationId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, 500, continuation, cancellationToken);
            if (!page.IsSuccess || page.Body is null)
            {
                throw new HttpRequestException($"Listing members of a conversation failed with {(int)page.StatusCode}: {page.Error}", null, page.StatusCode);
            }

            foreach (var member in page.Body.Members)
            {
                yield return member;
            }

            continuation = string.IsNullOrEmpty(page.Body.ContinuationToken) ? null : page.Body.ContinuationToken;
        }
        while (continuation is not null);
    }

    private async Task<ConnectorResponse<T>> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, CancellationToken cancellationToken)
    {
        // The path is relative and escaped, so the service URL with one trailing slash and the path is the address: one parse.
        using var request = new HttpRequestMessage(method, new Uri(EnsureTrailingSlash(serviceUrl) + path));
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            // Written out first: a body of known length goes in one write with its Content-Length, not chunked.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ActivityJson.Options))
            {
                Headers = { ContentType = JsonUtf8 },
            };
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var retryAfter = RetryAfter(response);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ConnectorResponse<T>(response.StatusCode, default, retryAfter, error.Length > 500 ? error[..500] : error);
        }

        T? parsed = default;
        if (response.StatusCode != HttpStatusCode.NoContent && response.Content.Headers.ContentLength != 0)
        {
            var json = (await response.Content.ReadAsByteArrayAsync(cancellationToken)).AsSpan().Trim(BlankOrBom);
            if (json.Length > 0)
            {
                parsed = JsonSerializer.Deserialize<T>(json, ActivityJson.Options);
            }
        }

        return new ConnectorResponse<T>(response.StatusCode, parsed, retryAfter, null);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (response.Headers.Date ?? date);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>White space and the bytes of a UTF-8 byte order mark, around a response's JSON.</summary>
    private static readonly byte[] BlankOrBom = [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];

    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    private static string EnsureTrailingSlash(string url) => url.EndsWith('/') ? url : url + "/";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
