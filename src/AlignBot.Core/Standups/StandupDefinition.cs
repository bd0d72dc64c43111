using AlignBot.Core.Conversations;

namespace AlignBot.Core.Standups;

/// <summary>
/// A stand-up as a lead configured it: which days, at what local time (each member's own zone), how long answers
/// are on time, when to remind, where the report goes, and who takes part (null: the whole team).
/// </summary>
public sealed record StandupDefinition(
    Guid Id,
    string TeamId,
    string Name,
    IReadOnlyList<StandupQuestion> Questions,
    IReadOnlySet<DayOfWeek> Days,
    TimeOnly PromptAt,
    TimeSpan AnswerWindow,
    TimeSpan? RemindAfter,
    ConversationRef? ReportTo,
    IReadOnlyList<string>? Participants = null,
    bool Paused = false)
{
    /// <summary>A prompt more than this late (a stopped or lagging scheduler) is not sent: nobody wants yesterday's stand-up.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(2);

    /// <summary>The stand-up with the questions <paramref name="prompt"/> was sent with (they stay, whatever a lead edits later).</summary>
    public StandupDefinition AsAsked(StandupPrompt prompt) => prompt.Questions.Count > 0 ? this with { Questions = prompt.Questions } : this;

    public static IReadOnlySet<DayOfWeek> Weekdays { get; } =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
}
