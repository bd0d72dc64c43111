using AlignBot.Core.Availability;
using AlignBot.Core.Standups;

namespace AlignBot.Core.Tests.Standups;

public sealed class StandupScheduleTests
{
    private static readonly StandupDefinition Daily = new(
        Guid.Parse("6b1f5c55-0000-0000-0000-000000000001"), "team-1", "Daily", StandupQuestion.Defaults, StandupDefinition.Weekdays,
        new TimeOnly(9, 0), TimeSpan.FromHours(4), TimeSpan.FromHours(1), null);

    [Fact]
    public void DueAt_MemberInTokyoAt0900Local_IsDueOnceInTheMinute()
    {
        var tokyo = Member("Asia/Tokyo");

        var due = StandupSchedule.DueAt(Daily, "m1", tokyo, Utc("2026-03-02T00:00:00Z"));           // Monday 09:00 Tokyo

        Assert.NotNull(due);
        Assert.Equal(new DateOnly(2026, 3, 2), due.LocalDate);
        Assert.Equal(Utc("2026-03-02T04:00:00Z"), due.DeadlineUtc);
        Assert.Equal($"standup:{Daily.Id:N}:m1:2026-03-02", due.Key);
    }

    [Fact]
    public void DueAt_NewYorkStillSunday_IsNotDue()
    {
        Assert.Null(StandupSchedule.DueAt(Daily, "m1", Member("America/New_York"), Utc("2026-03-02T00:00:00Z")));
    }

    [Fact]
    public void DueAt_BeforePromptTimeAndAfterStaleWindow_IsNotDue()
    {
        var berlin = Member("Europe/Berlin");

        Assert.Null(StandupSchedule.DueAt(Daily, "m1", berlin, Utc("2026-03-02T07:59:00Z")));   // 08:59 local
        Assert.NotNull(StandupSchedule.DueAt(Daily, "m1", berlin, Utc("2026-03-02T09:59:00Z"))); // 10:59 local, still fresh
        Assert.Null(StandupSchedule.DueAt(Daily, "m1", berlin, Utc("2026-03-02T10:00:00Z")));   // 11:00 local: stale
    }

    [Theory]
    [InlineData("2026-03-29T01:29:00Z", false)] // Berlin springs forward 02:00 → 03:00 on Sunday 29 March; 02:30 does not exist
    [InlineData("2026-03-29T01:30:00Z", true)]  // so the prompt comes one gap later, at 03:30 CEST (01:30Z)
    public void DueAt_SpringForwardGap_PromptsOnceAtTheFirstValidInstant(string now, bool due)
    {
        var everyDay = Daily with { Days = Enum.GetValues<DayOfWeek>().ToHashSet(), PromptAt = new TimeOnly(2, 30) };
        var berlin = Member("Europe/Berlin", everyDayPattern: true);

        var occurrence = StandupSchedule.DueAt(everyDay, "m1", berlin, Utc(now));

        Assert.Equal(due, occurrence is not null);
        if (occurrence is not null)
        {
            Assert.Equal(Utc("2026-03-29T01:30:00Z"), occurrence.PromptAtUtc); // 02:30 + 1 h gap = 03:30 CEST
        }
    }

    [Fact]
    public void DueAt_AutumnOverlap_UsesTheFirstOccurrence()
    {
        var everyDay = Daily with { Days = Enum.GetValues<DayOfWeek>().ToHashSet(), PromptAt = new TimeOnly(2, 30) };
        var berlin = Member("Europe/Berlin", everyDayPattern: true);

        var occurrence = StandupSchedule.DueAt(everyDay, "m1", berlin, Utc("2026-10-25T00:30:00Z")); // 02:30 CEST, first pass

        Assert.NotNull(occurrence);
        Assert.Equal(Utc("2026-10-25T00:30:00Z"), occurrence.PromptAtUtc);
    }

    [Fact]
    public void DueAt_WeekdayStandupAcrossDstChange_PromptsAt0900LocalBothSides()
    {
        var newYork = Member("America/New_York");

        var before = StandupSchedule.DueAt(Daily, "m1", newYork, Utc("2026-03-06T14:00:00Z")); // Fri 09:00 EST
        var after = StandupSchedule.DueAt(Daily, "m1", newYork, Utc("2026-03-09T13:00:00Z"));  // Mon 09:00 EDT

        Assert.Equal(Utc("2026-03-06T14:00:00Z"), before?.PromptAtUtc);
        Assert.Equal(Utc("2026-03-09T13:00:00Z"), after?.PromptAtUtc);
    }

    [Fact]
    public void DueAt_Holiday_IsNotDue_OutOfOffice_IsMarkedOoo()
    {
        var holiday = Member("Europe/London") with { Holidays = new HashSet<DateOnly> { new(2026, 12, 25) } };
        var away = Member("Europe/London") with { OutOfOfficeUntil = new DateOnly(2026, 12, 24) };

        Assert.Null(StandupSchedule.DueAt(Daily, "m1", holiday, Utc("2026-12-25T09:00:00Z")));
        Assert.Equal(OccurrenceKind.OutOfOffice, StandupSchedule.DueAt(Daily, "m1", away, Utc("2026-12-24T09:00:00Z"))?.Kind);
        Assert.Equal(OccurrenceKind.Prompt, StandupSchedule.DueAt(Daily, "m1", away, Utc("2026-12-28T09:00:00Z"))?.Kind);
    }

    [Fact]
    public void DueAt_PausedOrUnknownZone_IsNotDue()
    {
        Assert.Null(StandupSchedule.DueAt(Daily with { Paused = true }, "m1", Member("Etc/UTC"), Utc("2026-03-02T09:00:00Z")));
        Assert.Null(StandupSchedule.DueAt(Daily, "m1", Member("Mars/Olympus"), Utc("2026-03-02T09:00:00Z")));
    }

    private static MemberAvailability Member(string zone, bool everyDayPattern = false) =>
        new(zone, everyDayPattern ? WorkingPattern.Weekdays with { Days = Enum.GetValues<DayOfWeek>().ToHashSet() } : WorkingPattern.Weekdays, new HashSet<DateOnly>());

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
