using AlignBot.Core.Feedback;

namespace AlignBot.Core.Home;

/// <summary>What a person's home shows: their next stand-up, their open requests (sellers), their queue (owners).</summary>
public sealed record HomeView(
    string? Name,
    NextStandup? Standup,
    IReadOnlyList<FeedbackItem> Requests,
    IReadOnlyList<FeedbackItem> Queue,
    TimeZoneInfo Zone);

/// <summary>A stand-up's next prompt for one person, at their local time.</summary>
public sealed record NextStandup(string Name, string TeamName, DateTimeOffset PromptAtUtc, string TimeZone);
