namespace AlignBot.Data.Standups;

/// <summary>A stand-up's configuration.</summary>
internal sealed class StandupRecord
{
    public Guid Id { get; set; }

    public string TeamId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The questions as JSON (a list of StandupQuestion).</summary>
    public string QuestionsJson { get; set; } = "[]";

    /// <summary>Days as a bit mask over <see cref="DayOfWeek"/> (bit 0 = Sunday).</summary>
    public int Days { get; set; }

    public TimeOnly PromptAt { get; set; }

    public long AnswerWindowMinutes { get; set; }

    public long? RemindAfterMinutes { get; set; }

    /// <summary>Where the report goes; null means the team's home conversation.</summary>
    public string? ReportConversationId { get; set; }

    /// <summary>Member ids taking part, as JSON; null means the whole team.</summary>
    public string? ParticipantsJson { get; set; }

    public bool Paused { get; set; }

    /// <summary>When a lead last edited the questions in chat; configuration applied at start then keeps them.</summary>
    public DateTimeOffset? QuestionsEditedAt { get; set; }

    public bool Deleted { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
