using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AlignBot.Channels.Slack;

/// <summary>
/// Checks that a request came from Slack: <c>X-Slack-Signature</c> must be <c>v0=</c> and the lower-case hex
/// HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> under the signing secret, compared in constant time, and
/// <c>X-Slack-Request-Timestamp</c> must be within five minutes of now (a replayed request is refused).
/// </summary>
internal sealed class SlackRequestVerifier(string signingSecret, TimeProvider clock)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    /// <summary>True when the request is Slack's; otherwise <paramref name="failure"/> says why (for the log, never the caller).</summary>
    public bool Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body, out string failure)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            failure = "The signature or timestamp header is missing.";
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            failure = "The timestamp is not a number.";
            return false;
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > MaxAge)
        {
            failure = "The timestamp is more than five minutes away from now.";
            return false;
        }

        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            failure = "The signature is not a v0 signature.";
            return false;
        }

        // Slack sends lower-case hex, and @slack/bolt compares the text as sent: upper case is refused by both.
        if (signature.AsSpan(Version.Length + 1).ContainsAnyInRange('A', 'F'))
        {
            failure = "The signature is not lower-case hexadecimal.";
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Version.Length + 1));
        }
        catch (FormatException)
        {
            failure = "The signature is not hexadecimal.";
            return false;
        }

        var expected = Compute(timestamp, body);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            failure = "The signature does not match.";
            return false;
        }

        failure = "";
        return true;
    }

    /// <summary>The HMAC of <c>v0:{timestamp}:{body}</c> over the raw bytes.</summary>
    internal byte[] Compute(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var baseString = new byte[prefix.Length + body.Length];
        prefix.CopyTo(baseString, 0);
        body.CopyTo(baseString.AsSpan(prefix.Length));
        return HMACSHA256.HashData(_key, baseString);
    }

    /// <summary>The header value Slack would send for this body: <c>v0=</c> and lower-case hex.</summary>
    internal string Sign(string timestamp, ReadOnlySpan<byte> body) =>
        Version + "=" + Convert.ToHexStringLower(Compute(timestamp, body));
}
