using System.Net;
using System.Text;
using AlignBot.Channels.Teams;
using AlignBot.Channels.Teams.Auth;
using Microsoft.Identity.Client;

namespace AlignBot.Channels.Tests.Auth;

/// <summary>The outbound token comes from the token endpoint once, then from MSAL's cache.</summary>
public sealed class MsalBotTokenProviderTests
{
    [Theory]
    [InlineData(BotFrameworkOptions.MultiTenant, "/botframework.com/oauth2/v2.0/token")]
    [InlineData(BotFrameworkOptions.SingleTenant, "/contoso-tenant/oauth2/v2.0/token")]
    public async Task GetTokenAsync_TwiceInARow_AsksTheTenantsTokenEndpointOnce(string appType, string path)
    {
        var endpoint = new TokenEndpoint();
        var options = new BotFrameworkOptions
        {
            MicrosoftAppType = appType,
            MicrosoftAppId = "a1b2c3d4-0000-0000-0000-000000000001",
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = "contoso-tenant",
        };
        var provider = MsalBotTokenProvider.Create(options, endpoint);

        var first = await provider.GetTokenAsync(TestContext.Current.CancellationToken);
        var second = await provider.GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(path, request.Path);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
    }

    /// <summary>Answers MSAL's client-credentials request in process, as the Microsoft identity platform would.</summary>
    private sealed class TokenEndpoint : HttpMessageHandler, IMsalHttpClientFactory
    {
        public List<(string Path, string Body)> Requests { get; } = [];

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.RequestUri!.AbsolutePath, body));
            var json = $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"token-{{Requests.Count}}"}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
