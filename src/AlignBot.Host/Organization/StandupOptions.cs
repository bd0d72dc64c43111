namespace AlignBot.Host.Organization;

public sealed class StandupOptions
{
    public string Name { get; set; } = "Daily stand-up";

    /// <summary>Local prompt time, in each member's own zone.</summary>
    public TimeOnly At { get; set; } = new(9, 0);

    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>How long after the prompt answers count as on time.</summary>
    public TimeSpan AnswerWindow { get; set; } = TimeSpan.FromHours(4);

    /// <summary>One reminder this long after the prompt; empty for none.</summary>
    public TimeSpan? RemindAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Where the report goes (a conversation id); empty for the team's home conversation.</summary>
    public string? ReportConversationId { get; set; }

    /// <summary>Member ids taking part; empty for the whole team.</summary>
    public List<string>? Participants { get; set; }

    /// <summary>The questions; empty for yesterday / today / blockers.</summary>
    public List<QuestionOptions>? Questions { get; set; }
}
