using AlignBot.Core.Organization;

namespace AlignBot.Host.Organization;

public sealed class TeamOptions
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public TeamKind Kind { get; set; } = TeamKind.Other;

    /// <summary>The Teams channel or group chat (conversation id) where the team's reports go.</summary>
    public string? HomeConversationId { get; set; }

    /// <summary>IANA zone for members whose own zone AlignBot does not know yet.</summary>
    public string TimeZone { get; set; } = "Etc/UTC";

    public List<DayOfWeek> WorkingDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeOnly WorkStart { get; set; } = new(9, 0);

    public TimeOnly WorkEnd { get; set; } = new(17, 0);

    public List<MemberOptions> Leads { get; set; } = [];

    public List<MemberOptions> Members { get; set; } = [];

    /// <summary>The team's holidays: an .ics file (relative to the content root) or an http(s) URL.</summary>
    public string? HolidaysIcs { get; set; }

    public List<StandupOptions> Standups { get; set; } = [];
}
