namespace AlignBot.Core.Availability;

/// <summary>
/// One availability model for everything that must not disturb a person off duty (stand-up prompts now, SLA clocks
/// and the rota later): their time zone, working pattern, their team's holidays, out-of-office and a timed snooze.
/// </summary>
public sealed record MemberAvailability(
    string TimeZone,
    WorkingPattern Pattern,
    IReadOnlySet<DateOnly> Holidays,
    DateOnly? OutOfOfficeFrom = null,
    DateOnly? OutOfOfficeUntil = null,
    DateTimeOffset? SnoozedUntil = null)
{
    public bool IsHoliday(DateOnly localDate) => Holidays.Contains(localDate);

    /// <summary>Out of office on <paramref name="localDate"/> (inclusive range; an open start means "from now").</summary>
    public bool IsOutOfOffice(DateOnly localDate) =>
        OutOfOfficeUntil is { } until && localDate <= until && (OutOfOfficeFrom is null || localDate >= OutOfOfficeFrom);
}
