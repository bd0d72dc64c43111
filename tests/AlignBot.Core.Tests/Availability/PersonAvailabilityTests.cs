using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;

namespace AlignBot.Core.Tests.Availability;

public sealed class PersonAvailabilityTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-10T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void WithMailbox_ClientZone_ReplacedByMailboxZone()
    {
        var person = Person("America/New_York", AvailabilitySource.Client);

        var next = person.WithMailbox(new MailboxSettings("America/Los_Angeles", AutomaticRepliesStatus.Disabled), Now);

        Assert.Equal(("America/Los_Angeles", AvailabilitySource.Mailbox), (next.TimeZone, next.TimeZoneSource));
    }

    [Fact]
    public void WithMailbox_ZoneChosenByPerson_Kept()
    {
        var person = Person("Asia/Tokyo", AvailabilitySource.Person);

        var next = person.WithMailbox(new MailboxSettings("America/Los_Angeles", AutomaticRepliesStatus.Disabled), Now);

        Assert.Equal(person, next);
    }

    [Fact]
    public void WithMailbox_ScheduledAcrossDstInPersonsZone_LocalDatesWithEndAtMidnightExclusive()
    {
        var person = Person("Europe/Berlin", AvailabilitySource.Client);
        var replies = new MailboxSettings(null, AutomaticRepliesStatus.Scheduled, Utc("2026-03-23T23:00:00Z"), Utc("2026-03-30T22:00:00Z")); // Berlin midnight to midnight, over the spring change

        var next = person.WithMailbox(replies, Now);

        Assert.Equal((new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 30), AvailabilitySource.Mailbox), (next.OutOfOfficeFrom, next.OutOfOfficeUntil, next.OutOfOfficeSource));
    }

    [Fact]
    public void WithMailbox_ScheduledAlreadyOver_ClearsMailboxOutOfOffice()
    {
        var person = Person("Europe/Berlin", AvailabilitySource.Client) with
        {
            OutOfOfficeFrom = new DateOnly(2026, 3, 1), OutOfOfficeUntil = new DateOnly(2026, 3, 12), OutOfOfficeSource = AvailabilitySource.Mailbox,
        };
        var replies = new MailboxSettings(null, AutomaticRepliesStatus.Scheduled, Utc("2026-03-01T00:00:00Z"), Utc("2026-03-09T00:00:00Z"));

        var next = person.WithMailbox(replies, Now);

        Assert.Equal(((DateOnly?)null, (DateOnly?)null, AvailabilitySource.Unknown), (next.OutOfOfficeFrom, next.OutOfOfficeUntil, next.OutOfOfficeSource));
    }

    [Fact]
    public void WithMailbox_PersonsOwnOutOfOffice_NotOverwrittenWhileItLasts_ReplacedOnceOver()
    {
        var person = Person("Europe/Berlin", AvailabilitySource.Client) with { OutOfOfficeUntil = new DateOnly(2026, 3, 12), OutOfOfficeSource = AvailabilitySource.Person };
        var alwaysOn = new MailboxSettings(null, AutomaticRepliesStatus.AlwaysEnabled);

        var during = person.WithMailbox(alwaysOn, Now);
        var after = person.WithMailbox(alwaysOn, Now.AddDays(3));

        Assert.Equal(person, during);
        Assert.Equal((new DateOnly(2026, 3, 13), DateOnly.MaxValue, AvailabilitySource.Mailbox), (after.OutOfOfficeFrom, after.OutOfOfficeUntil, after.OutOfOfficeSource));
    }

    [Fact]
    public void WithMailbox_AlwaysEnabledOnLaterRuns_KeepsTheFirstDay()
    {
        var first = Person("Europe/Berlin", AvailabilitySource.Client).WithMailbox(new MailboxSettings(null, AutomaticRepliesStatus.AlwaysEnabled), Now);

        var later = first.WithMailbox(new MailboxSettings(null, AutomaticRepliesStatus.AlwaysEnabled), Now.AddDays(4));

        Assert.Equal(first, later);
        Assert.True(new MemberAvailability("Europe/Berlin", WorkingPattern.Weekdays, new HashSet<DateOnly>(), later.OutOfOfficeFrom, later.OutOfOfficeUntil).IsOutOfOffice(new DateOnly(2026, 12, 24)));
    }

    private static PersonAvailability Person(string zone, AvailabilitySource source) =>
        new(new UserRef(Platform.Teams, "29:1", "aad-1", "Ada"), "aad-1", zone, source, null, null, AvailabilitySource.Unknown);

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
