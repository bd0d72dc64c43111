namespace AlignBot.Core.Availability;

/// <summary>
/// Wall-clock times in a person's own IANA time zone, correct across daylight-saving changes: a local time that
/// does not exist (the spring gap) moves forward by the gap, and one that happens twice (the autumn overlap) is the
/// first of the two — so a 02:30 stand-up happens exactly once on both days.
/// </summary>
public static class LocalClock
{
    public static TimeZoneInfo Zone(string ianaId) =>
        TryZone(ianaId, out var zone) ? zone : throw new ArgumentException($"Unknown time zone '{ianaId}'.", nameof(ianaId));

    public static bool TryZone(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return false;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(ianaId.Trim(), out var found) && found is not null)
        {
            zone = found;
            return true;
        }

        return false;
    }

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Spring forward: 02:30 does not exist; the clocks read 03:30 at that instant.
            var gap = zone.GetAdjustmentRules()
                .Where(r => r.DateStart <= local && r.DateEnd >= local)
                .Select(r => r.DaylightDelta)
                .DefaultIfEmpty(TimeSpan.FromHours(1))
                .First();
            local = local.Add(gap);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the first occurrence has the larger (summer) offset
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    public static DateTime LocalDateTime(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
