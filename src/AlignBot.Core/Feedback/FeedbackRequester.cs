using AlignBot.Core.Conversations;

namespace AlignBot.Core.Feedback;

/// <summary>
/// A seller who added their +1 to an item someone else filed: they are told the answer too, and may rate it.
/// </summary>
public sealed record FeedbackRequester(
    long ItemNumber,
    string RequesterId,
    string Name,
    ConversationRef Chat,
    string? CardActivityId,
    string? TimeZone,
    decimal? Amount,
    DateTimeOffset At,
    bool? Helpful = null,
    string? Comment = null);
