using AlignBot.Core.Conversations;

namespace AlignBot.Core.Availability;

/// <summary>
/// A person's own availability settings and where each came from: their time zone and their out-of-office days
/// (inclusive; an open start means "from now", <see cref="DateOnly.MaxValue"/> as the end means "until turned off").
/// </summary>
public sealed record PersonAvailability(
    UserRef User,
    string AadObjectId,
    string? TimeZone,
    AvailabilitySource TimeZoneSource,
    DateOnly? OutOfOfficeFrom,
    DateOnly? OutOfOfficeUntil,
    AvailabilitySource OutOfOfficeSource)
{
    /// <summary>The person's email address as the directory has it (their mailbox's), when known.</summary>
    public string? Email { get; init; }

    /// <summary>
    /// Applies the person's mailbox settings at <paramref name="nowUtc"/>: the mailbox's zone replaces one from the chat
    /// client but never one the person chose; automatic replies set, move or clear the out-of-office they set before,
    /// but never touch one the person set with <c>ooo</c> while it lasts. Scheduled replies become local dates in the
    /// person's zone: from the day they start to the last day they are on (an end at midnight ends the day before).
    /// </summary>
    public PersonAvailability WithMailbox(MailboxSettings mailbox, DateTimeOffset nowUtc)
    {
        var next = mailbox.Email is { Length: > 0 } email && !string.Equals(email, Email, StringComparison.OrdinalIgnoreCase) ? this with { Email = email } : this;
        if (mailbox.TimeZone is { } zoneId && LocalClock.TryZone(zoneId, out var mailboxZone) && TimeZoneSource <= AvailabilitySource.Mailbox)
        {
            next = next with { TimeZone = mailboxZone.Id, TimeZoneSource = AvailabilitySource.Mailbox };
        }

        var zone = LocalClock.TryZone(next.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = LocalClock.LocalDate(nowUtc, zone);
        if (OutOfOfficeSource == AvailabilitySource.Person && OutOfOfficeUntil is { } personal && personal >= today)
        {
            return next;
        }

        var (from, until) = mailbox.AutomaticReplies switch
        {
            AutomaticRepliesStatus.AlwaysEnabled => (today, DateOnly.MaxValue),
            AutomaticRepliesStatus.Scheduled when mailbox.ScheduledEndUtc is { } end && end > nowUtc
                => (mailbox.ScheduledStartUtc is { } start ? LocalClock.LocalDate(start, zone) : today, LocalClock.LocalDate(end.AddTicks(-1), zone)),
            _ => ((DateOnly?)null, (DateOnly?)null),
        };

        if (from is null)
        {
            return OutOfOfficeSource == AvailabilitySource.Mailbox || (OutOfOfficeUntil is { } past && past < today)
                ? next with { OutOfOfficeFrom = null, OutOfOfficeUntil = null, OutOfOfficeSource = AvailabilitySource.Unknown }
                : next;
        }

        // Always-on replies keep the day they were first seen, so the range does not creep forward each run.
        if (mailbox.AutomaticReplies == AutomaticRepliesStatus.AlwaysEnabled && OutOfOfficeSource == AvailabilitySource.Mailbox
            && OutOfOfficeUntil == DateOnly.MaxValue && OutOfOfficeFrom is { } since)
        {
            from = since;
        }

        return next with { OutOfOfficeFrom = from, OutOfOfficeUntil = until, OutOfOfficeSource = AvailabilitySource.Mailbox };
    }
}
