namespace AlignBot.Core.Conversations;

/// <summary>
/// One thing that happened in a chat, with the platform's wire format gone: who, where, what.
/// <see cref="DeliveryId"/> is the platform's own id for the delivery (Teams activity id, Slack event id);
/// a retried delivery carries the same id and is processed once.
/// </summary>
public abstract record ChatEvent
{
    public required string DeliveryId { get; init; }

    public required ConversationRef Conversation { get; init; }

    /// <summary>The person who caused the event; null for events the platform raises itself.</summary>
    public UserRef? From { get; init; }

    /// <summary>The sender's locale (e.g. en-US), when the platform says.</summary>
    public string? Locale { get; init; }

    /// <summary>The sender's IANA time zone (e.g. Europe/Berlin), when the platform says.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The id of the activity this event is about (the message, or the card a button was pressed on).</summary>
    public string? ActivityId { get; init; }
}
