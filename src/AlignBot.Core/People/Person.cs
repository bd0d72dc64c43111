using AlignBot.Core.Conversations;

namespace AlignBot.Core.People;

/// <summary>What AlignBot knows about a person on one platform.</summary>
public sealed record Person(
    UserRef User,
    string TenantId,
    string? Locale,
    string? TimeZone,
    string? PersonalConversationId,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt)
{
    /// <summary>The email the platform verified, when AlignBot asked.</summary>
    public string? Email { get; init; }

    /// <summary>Where the person asked to be reached; null: where they last talked to AlignBot.</summary>
    public Platform? ReachOn { get; init; }

    /// <summary>The same member on the other platforms (linked by email, configuration or an admin).</summary>
    public IReadOnlyList<UserRef> AlsoKnownAs { get; init; } = [];
}
