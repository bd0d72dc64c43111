using System.Text.Json.Nodes;

namespace AlignBot.Channels.Slack.Api;

internal sealed partial class SlackWebApiClient
{
    /// <summary>
    /// The workspace to name when none is known yet (the check at start): the configured token serves every workspace,
    /// so it is the one used.
    /// </summary>
    public const string ConfiguredWorkspace = "";

    /// <summary><c>auth.test</c>: whether the token works, and for which workspace and bot user.</summary>
    public async Task<SlackResult<SlackAuthIdentity>> AuthTestAsync(string teamId, CancellationToken cancellationToken) =>
        SlackResult<SlackAuthIdentity>.From(
            await CallAsync(teamId, "auth.test", new JsonObject(), cancellationToken),
            body => (string?)body["team_id"] is { Length: > 0 } team
                ? new SlackAuthIdentity(team, (string?)body["team"], (string?)body["url"], (string?)body["user_id"], (string?)body["bot_id"])
                : null);
}
