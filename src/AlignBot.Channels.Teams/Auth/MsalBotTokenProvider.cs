using Microsoft.Identity.Client;

namespace AlignBot.Channels.Teams.Auth;

/// <summary>
/// Tokens for the Bot Connector from the app registration's secret (client credentials), through MSAL, whose
/// app token cache keeps a token until shortly before it expires. MultiTenant bots ask the botframework.com tenant;
/// SingleTenant bots their own.
/// </summary>
internal sealed class MsalBotTokenProvider(IConfidentialClientApplication application, string scope) : IBotTokenProvider
{
    public static MsalBotTokenProvider Create(BotFrameworkOptions options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        var tenant = options.MicrosoftAppType == BotFrameworkOptions.SingleTenant ? options.MicrosoftAppTenantId! : "botframework.com";
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(new Uri(new Uri(options.LoginAuthorityHost), tenant).ToString(), validateAuthority: true);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory).WithInstanceDiscovery(false);
        }

        return new MsalBotTokenProvider(builder.Build(), options.ConnectorScope);
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await application.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
