namespace AlignBot.Core.Feedback;

/// <summary>One line of an item's history: who did what, when.</summary>
public sealed record FeedbackEntry(long ItemNumber, DateTimeOffset At, string ActorId, string ActorName, string Action, string? Detail);
