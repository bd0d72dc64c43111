namespace AlignBot.Core.Conversations;

/// <summary>What an outbox row asks the platform to do.</summary>
public enum OutboundOperation
{
    /// <summary>Post a new message into the conversation.</summary>
    Send = 1,

    /// <summary>Post a message as a reply to <see cref="OutboundMessage.ReplyToActivityId"/> (a thread in a channel).</summary>
    Reply = 2,

    /// <summary>Replace a message the bot sent earlier (a card refreshed in place).</summary>
    Update = 3,

    /// <summary>Delete a message the bot sent earlier.</summary>
    Delete = 4,

    /// <summary>Open a 1:1 conversation with <see cref="OutboundMessage.Recipient"/> and post there (proactive message).</summary>
    SendToUser = 5,

    /// <summary>Replace <see cref="OutboundMessage.Recipient"/>'s home view (Slack's App Home tab) with the card.</summary>
    PublishHome = 6,

    /// <summary>
    /// Show a message only to <see cref="OutboundMessage.Recipient"/> in the conversation (a Slack ephemeral message):
    /// the answer to a button or command that is nobody else's business.
    /// </summary>
    Ephemeral = 7,
}
