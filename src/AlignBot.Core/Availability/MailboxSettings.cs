namespace AlignBot.Core.Availability;

/// <summary>
/// What a person's mailbox says about their availability: their time zone (an IANA id, or null when the mailbox
/// has none AlignBot can use) and their automatic replies, with the scheduled window in UTC.
/// </summary>
public sealed record MailboxSettings(
    string? TimeZone,
    AutomaticRepliesStatus AutomaticReplies,
    DateTimeOffset? ScheduledStartUtc = null,
    DateTimeOffset? ScheduledEndUtc = null);
