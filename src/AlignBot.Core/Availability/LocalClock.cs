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

    /// <summary>Zones by id, looked up once: the stand-up tick asks for every member's zone every minute.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    public static bool TryZone(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return false;
        }

        var found = Zones.GetOrAdd(ianaId.Trim(), id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var info) ? info : null);
        if (found is null)
        {
            return false;
        }

        zone = found;
        return true;
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
