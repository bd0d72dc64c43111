namespace AlignBot.Channels.Teams.Auth;

/// <summary>Local mode without an app id: every request is accepted, as the Bot Framework does for local testing.</summary>
internal sealed class AnonymousAuthenticator : IInboundAuthenticator
{
    public bool IsRequired => false;

    public Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken) =>
        Task.FromResult(InboundAuthResult.Anonymous);
}
