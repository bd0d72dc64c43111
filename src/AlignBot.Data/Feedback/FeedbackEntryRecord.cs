namespace AlignBot.Data.Feedback;

/// <summary>One line of an item's history.</summary>
internal sealed class FeedbackEntryRecord
{
    public long Id { get; set; }

    public long ItemNumber { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    public string Action { get; set; } = "";

    public string? Detail { get; set; }
}
