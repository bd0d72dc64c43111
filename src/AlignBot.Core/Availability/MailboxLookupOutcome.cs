namespace AlignBot.Core.Availability;

public enum MailboxLookupOutcome
{
    Found = 1,

    /// <summary>The person has no mailbox (or no such user): nothing to sync, not an error.</summary>
    NoMailbox = 2,

    /// <summary>AlignBot may not read the mailbox settings (the permission is missing or not consented).</summary>
    Forbidden = 3,

    /// <summary>Too many requests even after retries: the rest waits for the next run.</summary>
    Throttled = 4,

    /// <summary>Any other failure (a server error after retries, a timeout, an unreadable answer).</summary>
    Failed = 5,
}
