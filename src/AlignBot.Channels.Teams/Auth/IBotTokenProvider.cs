namespace AlignBot.Channels.Teams.Auth;

/// <summary>Gets the bearer token for calls to the Bot Connector; null in anonymous local mode.</summary>
internal interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
