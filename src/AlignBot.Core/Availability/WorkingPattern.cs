namespace AlignBot.Core.Availability;

/// <summary>The days and hours a person works, in their own time zone.</summary>
public sealed record WorkingPattern(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public static WorkingPattern Weekdays { get; } = new(
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
        new TimeOnly(9, 0),
        new TimeOnly(17, 0));

    public bool IsWorkingDay(DateOnly date) => Days.Contains(date.DayOfWeek);
}
