namespace AlignBot.Channels.Slack.Api;

/// <summary>A person's email as Slack verified it, or why there is none (Slack's error, <c>no_email</c>, <c>not_a_person</c>).</summary>
internal sealed record SlackVerifiedEmail(string? Email, string? Problem);
