namespace AlignBot.Core.Availability;

/// <summary>The answer to one mailbox settings lookup: the settings, or why there are none.</summary>
public sealed record MailboxLookup(MailboxLookupOutcome Outcome, MailboxSettings? Settings = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static MailboxLookup Found(MailboxSettings settings) => new(MailboxLookupOutcome.Found, settings);
}
