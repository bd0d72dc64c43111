namespace AlignBot.Data.Slack;

/// <summary>
/// A Slack workspace that installed AlignBot through OAuth. <see cref="ProtectedBotToken"/> is the bot token encrypted
/// with ASP.NET Core Data Protection: the database alone does not give the token away.
/// </summary>
internal sealed class SlackWorkspaceRecord
{
    public string TeamId { get; set; } = "";

    public string TeamName { get; set; } = "";

    public string BotUserId { get; set; } = "";

    public string Scopes { get; set; } = "";

    public string ProtectedBotToken { get; set; } = "";

    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>The Slack user id of the person who installed it.</summary>
    public string InstalledBy { get; set; } = "";
}
