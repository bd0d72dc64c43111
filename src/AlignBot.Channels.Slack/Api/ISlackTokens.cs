namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// The bot token of a Slack workspace (<c>team_id</c>): the one configured for a single-workspace install, or the one
/// stored when the workspace installed AlignBot through Slack's OAuth flow. Null when AlignBot has no token for it.
/// </summary>
public interface ISlackTokens
{
    ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken);
}
