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
    DateTimeOffset LastSeenAt);
