using System.Globalization;
using AlignBot.Core.Availability;
using TimeZoneConverter;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>Graph names zones the Windows way ("Pacific Standard Time") or, at times, the IANA way; AlignBot keeps IANA ids.</summary>
internal static class GraphTimeZones
{
    public static string? ToIana(string? zone)
    {
        if (string.IsNullOrWhiteSpace(zone))
        {
            return null;
        }

        zone = zone.Trim();
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out var iana) || TZConvert.TryWindowsToIana(zone, out iana))
        {
            return iana;
        }

        return TZConvert.KnownIanaTimeZoneNames.Contains(zone) || (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) && info.HasIanaId)
            ? zone
            : null;
    }

    /// <summary>A Graph dateTimeTimeZone (a wall-clock time and the zone it is in) as an instant; null when unreadable.</summary>
    public static DateTimeOffset? ToUtc(string? dateTime, string? timeZone)
    {
        if (dateTime is not { Length: > 0 } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var wallClock)
            || !LocalClock.TryZone(ToIana(timeZone) ?? "Etc/UTC", out var zone))
        {
            return null;
        }

        return LocalClock.ToUtc(DateOnly.FromDateTime(wallClock), TimeOnly.FromDateTime(wallClock), zone);
    }
}
