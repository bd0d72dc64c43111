namespace AlignBot.Data.Conversations;

/// <summary>A delivery the bot has processed, by the platform's id: a retried delivery finds its row and does nothing.</summary>
internal sealed class InboundDelivery
{
    public int Platform { get; set; }

    public string DeliveryId { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}
