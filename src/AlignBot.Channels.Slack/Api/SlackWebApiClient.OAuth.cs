namespace AlignBot.Channels.Slack.Api;

/// <summary>The OAuth v2 install: the client id and secret, never a token.</summary>
internal sealed partial class SlackWebApiClient
{
    /// <summary>
    /// <c>oauth.v2.access</c>: trades the code Slack handed the browser for the workspace's bot token. The answer
    /// (<c>access_token</c>, <c>bot_user_id</c>, <c>scope</c>, <c>team</c>, <c>authed_user</c>) is in the response body.
    /// </summary>
    public Task<SlackApiResponse> OAuthV2AccessAsync(string clientId, string clientSecret, string code, string redirectUri, CancellationToken cancellationToken) =>
        PostAsync(
            "oauth.v2.access",
            bearer: null,
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
            }),
            cancellationToken);
}
