namespace AlignBot.Data.Organization;

/// <summary>One change made from chat: who, when, what.</summary>
internal sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorUserId { get; set; } = "";

    public string? ActorAadObjectId { get; set; }

    public string? ActorName { get; set; }

    public string TeamId { get; set; } = "";

    public string Action { get; set; } = "";

    public string Details { get; set; } = "";
}
