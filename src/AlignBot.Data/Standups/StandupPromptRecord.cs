using AlignBot.Core.Standups;

namespace AlignBot.Data.Standups;

/// <summary>One member's stand-up on one local day. The key is unique: a prompt exists once, whatever ticks or nodes do.</summary>
internal sealed class StandupPromptRecord
{
    public string Key { get; set; } = "";

    public Guid StandupId { get; set; }

    public string MemberId { get; set; } = "";

    public DateOnly LocalDate { get; set; }

    public DateTimeOffset PromptAtUtc { get; set; }

    public DateTimeOffset DeadlineUtc { get; set; }

    public PromptStatus Status { get; set; }

    public string AnswersJson { get; set; } = "{}";

    /// <summary>The questions the prompt was sent with, as JSON (a list of StandupQuestion); null for rows from before they were kept.</summary>
    public string? QuestionsJson { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public bool Late { get; set; }

    public bool Edited { get; set; }

    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset? SnoozedUntil { get; set; }

    public string? Blocker { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
