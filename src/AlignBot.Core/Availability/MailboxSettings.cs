namespace AlignBot.Core.Availability;

/// <summary>
/// What a person's mailbox says about their availability: their time zone (an IANA id, or null when the mailbox
/// has none AlignBot can use) and their automatic replies, with the scheduled window in UTC; and the mailbox's address
/// as the directory verifies it (<see cref="Email"/>, null when it could not be read), which links the person's
/// accounts on other platforms.
/// </summary>
public sealed record MailboxSettings(
    string? TimeZone,
    AutomaticRepliesStatus AutomaticReplies,
    DateTimeOffset? ScheduledStartUtc = null,
    DateTimeOffset? ScheduledEndUtc = null,
    string? Email = null);
