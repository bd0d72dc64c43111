using System.Globalization;
using AlignBot.Core.Standups;
using Microsoft.AspNetCore.DataProtection;

namespace AlignBot.Host.Standups;

/// <summary>
/// Export links carry their own permission: the stand-up and date range, protected (signed and encrypted) with ASP.NET
/// Core Data Protection and valid for 24 hours, so a lead can share the download without the endpoint knowing who asks.
/// </summary>
internal sealed class StandupExportLinks(IDataProtectionProvider protection, IConfiguration configuration) : IStandupExportLinks
{
    public const string Purpose = "AlignBot.Standups.Export.v1";
    public const string PublicBaseUrlKey = "AlignBot:PublicBaseUrl";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Uri Create(Guid standupId, DateOnly from, DateOnly to)
    {
        var token = Protector().Protect($"{standupId:N}|{from:yyyy-MM-dd}|{to:yyyy-MM-dd}", Lifetime);
        var baseUrl = configuration[PublicBaseUrlKey] is { Length: > 0 } configured ? configured.TrimEnd('/') : "http://localhost:3978";
        return new Uri($"{baseUrl}/standups/export?token={Uri.EscapeDataString(token)}");
    }

    /// <summary>The stand-up and range a token grants, or null when it is forged, altered or expired.</summary>
    public (Guid StandupId, DateOnly From, DateOnly To)? Read(string token)
    {
        try
        {
            var parts = Protector().Unprotect(token, out _).Split('|');
            return (Guid.ParseExact(parts[0], "N"), DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector() => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
