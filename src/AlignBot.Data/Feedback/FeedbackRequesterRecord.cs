using AlignBot.Core.Conversations;

namespace AlignBot.Data.Feedback;

/// <summary>A seller's +1 on an item someone else filed.</summary>
internal sealed class FeedbackRequesterRecord
{
    public long ItemNumber { get; set; }

    public string RequesterId { get; set; } = "";

    public string Name { get; set; } = "";

    public Platform Platform { get; set; }

    public string TenantId { get; set; } = "";

    public string ConversationId { get; set; } = "";

    public ConversationKind ConversationKind { get; set; }

    public string? ServiceUrl { get; set; }

    public string? CardActivityId { get; set; }

    public string? TimeZone { get; set; }

    public decimal? Amount { get; set; }

    public DateTimeOffset At { get; set; }

    public bool? Helpful { get; set; }

    public string? Comment { get; set; }
}
