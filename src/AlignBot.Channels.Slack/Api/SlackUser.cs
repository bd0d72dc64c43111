namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// A person as <c>users.info</c> and <c>users.lookupByEmail</c> describe them: the name to show (their display name, else
/// their real name, else their handle), their IANA time zone (<c>tz</c>) and its offset, their locale (asked for with
/// <c>include_locale</c>), and their email (with the <c>users:read.email</c> scope; null without it).
/// </summary>
internal sealed record SlackUser(
    string Id,
    string? TeamId,
    string? Name,
    string? TimeZone,
    int? TimeZoneOffsetSeconds,
    string? Locale,
    string? Email,
    bool IsBot,
    bool Deleted);
