namespace AlignBot.Data.Organization;

/// <summary>A day the team does not work (from its holiday calendar).</summary>
internal sealed class TeamHolidayRecord
{
    public string TeamId { get; set; } = "";

    public DateOnly Date { get; set; }

    public string? Name { get; set; }
}
