namespace AlignBot.Channels.Teams.Auth;

/// <summary>No app id: calls to the connector carry no token (the Agents Playground and emulator accept that).</summary>
internal sealed class AnonymousTokenProvider : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
