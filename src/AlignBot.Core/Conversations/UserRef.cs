namespace AlignBot.Core.Conversations;

/// <summary>
/// A person as a platform knows them. <paramref name="Email"/> is the one the platform's directory holds (Teams: the
/// account's email or user principal name), when it says; it links the person to their other platforms, never a name.
/// <paramref name="TimeZone"/> is the IANA zone the platform's profile shows (Slack's <c>tz</c>), when a roster read it.
/// </summary>
public sealed record UserRef(
    Platform Platform,
    string UserId,
    string? AadObjectId = null,
    string? DisplayName = null,
    string? Email = null,
    string? TimeZone = null);
