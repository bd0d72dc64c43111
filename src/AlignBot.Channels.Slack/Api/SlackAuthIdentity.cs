namespace AlignBot.Channels.Slack.Api;

/// <summary>Who the bot token belongs to, as <c>auth.test</c> answers: the workspace and the bot user.</summary>
internal sealed record SlackAuthIdentity(string TeamId, string? Team, string? Url, string? UserId, string? BotId);
