using Azure.Core;

namespace AlignBot.Channels.Teams.Auth;

/// <summary>
/// Tokens for the Bot Connector from a user-assigned managed identity (MicrosoftAppType UserAssignedMSI), through
/// Azure.Identity; a token is reused until 5 minutes before it expires.
/// </summary>
internal sealed class ManagedIdentityBotTokenProvider(TokenCredential credential, string scope, TimeProvider clock) : IBotTokenProvider
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    public static ManagedIdentityBotTokenProvider Create(BotFrameworkOptions options, TimeProvider clock) =>
        new(new Azure.Identity.ManagedIdentityCredential(Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId!)), options.ConnectorScope, clock);

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.ExpiresOn - RenewBefore > clock.GetUtcNow())
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } fresh && fresh.ExpiresOn - RenewBefore > clock.GetUtcNow())
            {
                return fresh.Token;
            }

            _token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
            return _token.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
