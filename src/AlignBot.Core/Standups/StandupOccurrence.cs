namespace AlignBot.Core.Standups;

/// <summary>One member's stand-up on one of their local days: when it is prompted and when answers become late.</summary>
public sealed record StandupOccurrence(Guid StandupId, string MemberId, DateOnly LocalDate, DateTimeOffset PromptAtUtc, DateTimeOffset DeadlineUtc, OccurrenceKind Kind, string TimeZone)
{
    /// <summary>The idempotency key: one prompt per stand-up, member and local date, whatever the ticks and nodes do.</summary>
    public string Key => $"standup:{StandupId:N}:{MemberId}:{LocalDate:yyyy-MM-dd}";
}
