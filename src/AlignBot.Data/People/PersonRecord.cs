using AlignBot.Core.Availability;
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

    /// <summary>Where the zone came from: the person's own choice wins over their mailbox, the mailbox over the chat client.</summary>
    public AvailabilitySource TimeZoneSource { get; set; }

    /// <summary>The first day the person is out of office (inclusive); null means "from now".</summary>
    public DateOnly? OutOfOfficeFrom { get; set; }

    /// <summary>The last day the person is out of office (inclusive); <see cref="DateOnly.MaxValue"/> until turned off.</summary>
    public DateOnly? OutOfOfficeUntil { get; set; }

    /// <summary>Where the out-of-office came from: the person's <c>ooo</c> is never overwritten by their automatic replies.</summary>
    public AvailabilitySource OutOfOfficeSource { get; set; }

    public string? PersonalConversationId { get; set; }

    /// <summary>The email the platform verified for the person (Slack's <c>users.info</c>); never a display name.</summary>
    public string? Email { get; set; }

    /// <summary>When the platform was last asked for the person's email, so it is asked once, not on every message.</summary>
    public DateTimeOffset? EmailCheckedAt { get; set; }

    /// <summary>Where the member wants AlignBot to reach them (the same on each of their platform identities); null: where they last talked to it.</summary>
    public Platform? ReachOn { get; set; }

    public string? ServiceUrl { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>A copy to change while the original keeps what was read.</summary>
    public PersonRecord Copy() => (PersonRecord)MemberwiseClone();

    public PersonAvailability? ToAvailability() =>
        AadObjectId is null
            ? null
            : new(new UserRef(Platform, UserId, AadObjectId, DisplayName), AadObjectId, TimeZone, TimeZoneSource, OutOfOfficeFrom, OutOfOfficeUntil, OutOfOfficeSource) { Email = Email };

    public Person ToPerson() =>
        new(new UserRef(Platform, UserId, AadObjectId, DisplayName), TenantId, Locale, TimeZone, PersonalConversationId, FirstSeenAt, LastSeenAt) { Email = Email, ReachOn = ReachOn };
}
