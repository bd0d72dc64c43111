namespace AlignBot.Core.Availability;

/// <summary>
/// Time counted in a person's working hours: only their working days, between their start and end of work, in
/// their own time zone (correct across daylight-saving changes), skipping their team's holidays. SLA clocks run on it.
/// </summary>
public static class WorkingTime
{
    /// <summary>
    /// The instant at which <paramref name="work"/> of working time has passed since <paramref name="start"/>. Work
    /// started outside working hours begins counting at the next start of work.
    /// </summary>
    public static DateTimeOffset Add(DateTimeOffset start, TimeSpan work, MemberAvailability availability)
    {
        var zone = ZoneOf(availability);
        var remaining = work;
        var date = LocalClock.LocalDate(start, zone);
        for (var day = 0; day < 3660; day++, date = date.AddDays(1))
        {
            if (Window(date, availability, zone) is not var (open, close))
            {
                continue;
            }

            var from = start > open ? start : open;
            if (from >= close)
            {
                continue;
            }

            var available = close - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException("No working time within ten years: the working pattern has no working days.");
    }

    /// <summary>
    /// The instant <paramref name="work"/> of working time before <paramref name="end"/> (the latest such instant:
    /// when that lands on the start of a working day, it is that start, not the end of the day before).
    /// </summary>
    public static DateTimeOffset Subtract(DateTimeOffset end, TimeSpan work, MemberAvailability availability)
    {
        var zone = ZoneOf(availability);
        var remaining = work;
        var date = LocalClock.LocalDate(end, zone);
        for (var day = 0; day < 3660; day++, date = date.AddDays(-1))
        {
            if (Window(date, availability, zone) is not var (open, close))
            {
                continue;
            }

            var to = end < close ? end : close;
            if (to <= open)
            {
                continue;
            }

            var available = to - open;
            if (remaining <= available)
            {
                return to - remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException("No working time within ten years: the working pattern has no working days.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to, MemberAvailability availability)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var zone = ZoneOf(availability);
        var total = TimeSpan.Zero;
        for (var date = LocalClock.LocalDate(from, zone); date <= LocalClock.LocalDate(to, zone); date = date.AddDays(1))
        {
            if (Window(date, availability, zone) is var (open, close))
            {
                var start = from > open ? from : open;
                var end = to < close ? to : close;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>True when <paramref name="instant"/> falls in the person's working hours on a working day.</summary>
    public static bool IsWorking(DateTimeOffset instant, MemberAvailability availability)
    {
        var zone = ZoneOf(availability);
        return Window(LocalClock.LocalDate(instant, zone), availability, zone) is var (open, close) && instant >= open && instant < close;
    }

    private static (DateTimeOffset Open, DateTimeOffset Close)? Window(DateOnly date, MemberAvailability availability, TimeZoneInfo zone)
    {
        var pattern = availability.Pattern;
        if (!pattern.IsWorkingDay(date) || availability.IsHoliday(date) || pattern.End <= pattern.Start)
        {
            return null;
        }

        return (LocalClock.ToUtc(date, pattern.Start, zone), LocalClock.ToUtc(date, pattern.End, zone));
    }

    private static TimeZoneInfo ZoneOf(MemberAvailability availability) =>
        LocalClock.TryZone(availability.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
