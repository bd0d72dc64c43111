namespace AlignBot.Channels.Teams.Auth;

/// <summary>Decides whether a request to /api/messages really comes from the Bot Framework for this bot.</summary>
internal interface IInboundAuthenticator
{
    /// <summary>True when requests must carry a token (an app id is configured).</summary>
    bool IsRequired { get; }

    /// <summary>
    /// Validates the <c>Authorization</c> header against the activity's channel and service URL. Never throws for a
    /// bad token: the result says why it was refused.
    /// </summary>
    Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken);
}
