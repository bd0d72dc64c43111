using AlignBot.Core.Conversations;
using AlignBot.Core.People;

namespace AlignBot.Data.People;

/// <summary>A person the bot has met on one platform.</summary>
internal sealed class PersonRecord
{
    public long Id { get; set; }

    public Platform Platform { get; set; }

    public string UserId { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string? AadObjectId { get; set; }

    public string? DisplayName { get; set; }

    public string? Locale { get; set; }

    /// <summary>IANA time zone id.</summary>
    public string? TimeZone { get; set; }

    /// <summary>True when the person set their zone themselves: the client's zone then no longer overrides it.</summary>
    public bool TimeZoneChosen { get; set; }

    /// <summary>The last day the person is out of office (inclusive).</summary>
    public DateOnly? OutOfOfficeUntil { get; set; }

    public string? PersonalConversationId { get; set; }

    public string? ServiceUrl { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public Person ToPerson() =>
        new(new UserRef(Platform, UserId, AadObjectId, DisplayName), TenantId, Locale, TimeZone, PersonalConversationId, FirstSeenAt, LastSeenAt);
}
