using System.Globalization;
using AlignBot.Core.Availability;

namespace AlignBot.Core.Tests.Availability;

public sealed class WorkingTimeTests
{
    private static readonly MemberAvailability London = new("Europe/London", WorkingPattern.Weekdays, new HashSet<DateOnly> { new(2026, 3, 4) });

    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-03T10:00:00Z", 2, "2026-03-03T12:00:00Z")] // inside one day
    [InlineData("2026-03-03T16:00:00Z", 2, "2026-03-05T10:00:00Z")] // over the evening and the Wednesday holiday
    [InlineData("2026-02-27T15:00:00Z", 8, "2026-03-02T15:00:00Z")] // over a weekend
    [InlineData("2026-02-28T11:00:00Z", 1, "2026-03-02T10:00:00Z")] // filed on a Saturday: counts from Monday 09:00
    [InlineData("2026-03-03T07:00:00Z", 1, "2026-03-03T10:00:00Z")] // filed before work: counts from 09:00
    public void Add_CountsOnlyWorkingHours(string start, int hours, string expected)
    {
        Assert.Equal(Utc(expected), WorkingTime.Add(Utc(start), TimeSpan.FromHours(hours), London));
    }

    [Fact]
    public void Add_AcrossTheSpringDaylightSavingChange_KeepsLocalWorkingHours()
    {
        var newYork = new MemberAvailability("America/New_York", WorkingPattern.Weekdays, new HashSet<DateOnly>());

        // Friday 6 March 2026 16:00 EST (21:00Z); clocks go forward on Sunday 8 March. 3 h = Fri 16–17 + Mon 09–11 EDT (13:00–15:00Z).
        Assert.Equal(Utc("2026-03-09T15:00:00Z"), WorkingTime.Add(Utc("2026-03-06T21:00:00Z"), TimeSpan.FromHours(3), newYork));
    }

    [Fact]
    public void Between_IsTheInverseOfAdd()
    {
        var start = Utc("2026-03-03T15:30:00Z");
        var due = WorkingTime.Add(start, TimeSpan.FromHours(11), London);

        Assert.Equal(TimeSpan.FromHours(11), WorkingTime.Between(start, due, London));
        Assert.Equal(TimeSpan.Zero, WorkingTime.Between(due, start, London));
    }

    [Fact]
    public void IsWorking_FalseOnHolidaysWeekendsAndEvenings()
    {
        Assert.True(WorkingTime.IsWorking(Utc("2026-03-03T10:00:00Z"), London));
        Assert.False(WorkingTime.IsWorking(Utc("2026-03-04T10:00:00Z"), London)); // holiday
        Assert.False(WorkingTime.IsWorking(Utc("2026-03-07T10:00:00Z"), London)); // Saturday
        Assert.False(WorkingTime.IsWorking(Utc("2026-03-03T18:00:00Z"), London)); // evening
    }

    [Theory]
    [InlineData("2026-03-02T15:00:00Z", 2, "2026-03-02T13:00:00Z")] // same day
    [InlineData("2026-03-02T10:00:00Z", 2, "2026-02-27T16:00:00Z")] // back over the weekend
    [InlineData("2026-03-05T10:00:00Z", 1, "2026-03-05T09:00:00Z")] // lands on the start of the day, not the evening before
    [InlineData("2026-03-05T10:00:00Z", 2, "2026-03-03T16:00:00Z")] // back over the Wednesday holiday
    public void Subtract_CountsBackInWorkingHours(string end, int hours, string expected)
    {
        Assert.Equal(Utc(expected), WorkingTime.Subtract(Utc(end), TimeSpan.FromHours(hours), London));
    }
}
