namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// Slack's rate-limit tiers. A tier is a budget of calls a minute per method and workspace (Tier 2: 20+, Tier 3: 50+,
/// Tier 4: 100+); <see cref="PostMessage"/> is <c>chat.postMessage</c>'s "special" tier: about one message a second per
/// channel, with a workspace-wide limit above that.
/// </summary>
internal enum SlackMethodTier
{
    Tier2 = 2,
    Tier3 = 3,
    Tier4 = 4,
    PostMessage = 10,
}

/// <summary>The tier of each method AlignBot calls, as Slack's method pages list them.</summary>
internal static class SlackMethodTiers
{
    private static readonly Dictionary<string, SlackMethodTier> Tiers = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = SlackMethodTier.PostMessage,
        ["chat.update"] = SlackMethodTier.Tier3,
        ["chat.delete"] = SlackMethodTier.Tier3,
        ["chat.postEphemeral"] = SlackMethodTier.Tier4,
        ["conversations.open"] = SlackMethodTier.Tier3,
        ["conversations.members"] = SlackMethodTier.Tier4,
        ["users.info"] = SlackMethodTier.Tier4,
        ["users.lookupByEmail"] = SlackMethodTier.Tier3,
        ["views.open"] = SlackMethodTier.Tier4,
        ["views.update"] = SlackMethodTier.Tier4,
        ["views.push"] = SlackMethodTier.Tier4,
        ["views.publish"] = SlackMethodTier.Tier4,

        // auth.test is "special" on Slack's page, and generous: Tier 4's budget keeps it well inside.
        ["auth.test"] = SlackMethodTier.Tier4,
    };

    /// <summary>A method not listed gets Tier 2, the smallest budget AlignBot plans for: it is never over its limit.</summary>
    public static SlackMethodTier Of(string method) => Tiers.GetValueOrDefault(method, SlackMethodTier.Tier2);
}
