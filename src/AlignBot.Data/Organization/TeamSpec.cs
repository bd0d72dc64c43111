using AlignBot.Core.Organization;

namespace AlignBot.Data.Organization;

/// <summary>A team as configuration declares it; applying it again changes nothing.</summary>
public sealed record TeamSpec(
    string Id,
    string Name,
    TeamKind Kind,
    string? HomeConversationId,
    string TimeZone,
    IReadOnlySet<DayOfWeek> WorkingDays,
    TimeOnly WorkStart,
    TimeOnly WorkEnd,
    IReadOnlyList<(string MemberId, string? DisplayName, TeamRole Role)> Members,
    IReadOnlyList<(DateOnly Date, string? Name)> Holidays)
{
    /// <summary>Members' emails from configuration, by member id.</summary>
    public IReadOnlyDictionary<string, string> Emails { get; init; } = new Dictionary<string, string>();
}
