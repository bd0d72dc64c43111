using AlignBot.Core.Organization;

namespace AlignBot.Data.Organization;

/// <summary>A sales, marketing or other team: its home conversation and the defaults its members' availability starts from.</summary>
internal sealed class TeamRecord
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public TeamKind Kind { get; set; }

    /// <summary>The channel or group chat where the team's reports go (its conversation id).</summary>
    public string? HomeConversationId { get; set; }

    /// <summary>IANA zone for members whose own zone is not known yet.</summary>
    public string TimeZone { get; set; } = "Etc/UTC";

    /// <summary>Working days as a bit mask over <see cref="DayOfWeek"/> (bit 0 = Sunday).</summary>
    public int WorkingDays { get; set; } = 0b0111110;

    public TimeOnly WorkStart { get; set; } = new(9, 0);

    public TimeOnly WorkEnd { get; set; } = new(17, 0);

    public DateTimeOffset UpdatedAt { get; set; }

    public List<TeamMemberRecord> Members { get; set; } = [];

    public List<TeamHolidayRecord> Holidays { get; set; } = [];
}
