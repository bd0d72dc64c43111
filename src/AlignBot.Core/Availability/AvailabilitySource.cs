namespace AlignBot.Core.Availability;

/// <summary>
/// Where a person's time zone or out-of-office came from. A higher source wins over a lower one: what the person
/// said (<c>timezone</c>, <c>ooo</c>) over their mailbox settings, their mailbox settings over what the chat client reports.
/// </summary>
public enum AvailabilitySource
{
    Unknown = 0,

    /// <summary>The chat client (Teams' clientInfo entity).</summary>
    Client = 1,

    /// <summary>The person's mailbox settings (time zone, automatic replies).</summary>
    Mailbox = 2,

    /// <summary>The person, with a chat command.</summary>
    Person = 3,
}
