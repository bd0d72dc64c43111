namespace AlignBot.Channels.Slack;

/// <summary>
/// The bot scopes AlignBot asks for (the same list as manifest/slack/manifest.yaml, which a test keeps in step), and
/// the scope each Web API method it calls needs. A method added to the client without its scope here fails that test.
/// </summary>
public static class SlackScopes
{
    public static IReadOnlyList<string> Bot { get; } =
    [
        "app_mentions:read", "channels:read", "chat:write", "commands", "groups:read", "im:history", "im:read", "im:write",
        "mpim:read", "users:read", "users:read.email",
    ];

    /// <summary>Web API method → the bot scope it needs; empty for methods that need none or use the app token.</summary>
    public static IReadOnlyDictionary<string, string[]> ByMethod { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = ["chat:write"],
        ["chat.update"] = ["chat:write"],
        ["chat.delete"] = ["chat:write"],
        ["chat.postEphemeral"] = ["chat:write"],
        ["chat.getPermalink"] = [], // needs no scope
        ["conversations.open"] = ["im:write"],
        ["conversations.info"] = ["channels:read", "groups:read", "im:read", "mpim:read"],
        ["conversations.members"] = ["channels:read", "groups:read", "im:read", "mpim:read"],
        ["users.info"] = ["users:read", "users:read.email"],
        ["users.lookupByEmail"] = ["users:read.email"],
        ["views.open"] = [],
        ["views.update"] = [],
        ["views.push"] = [],
        ["views.publish"] = [],
        ["apps.connections.open"] = [], // the app token's connections:write, not a bot scope
        ["oauth.v2.access"] = [],       // the client id and secret, no token
        ["auth.test"] = [],
    };
}
