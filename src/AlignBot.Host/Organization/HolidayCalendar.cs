using Ical.Net;

namespace AlignBot.Host.Organization;

/// <summary>Reads a team's holidays from an iCalendar (.ics) document: every day an event (or its recurrences) covers.</summary>
internal static class HolidayCalendar
{
    public static IReadOnlyList<(DateOnly Date, string? Name)> Read(string ics, DateOnly from, DateOnly until)
    {
        var calendar = Calendar.Load(ics) ?? throw new FormatException("The holiday calendar holds no VCALENDAR.");
        var days = new List<(DateOnly, string?)>();
        foreach (var occurrence in calendar.GetOccurrences(new Ical.Net.DataTypes.CalDateTime(from.Year, from.Month, from.Day)))
        {
            var start = occurrence.Period.StartTime.Date;
            if (start > until)
            {
                break;
            }

            var end = occurrence.Period.EffectiveEndTime?.Date ?? start.AddDays(1);
            var name = (occurrence.Source as Ical.Net.CalendarComponents.CalendarEvent)?.Summary;
            for (var day = start; day < end || day == start; day = day.AddDays(1))
            {
                if (day >= from && day <= until)
                {
                    days.Add((day, name));
                }

                if (day >= end.AddDays(-1))
                {
                    break;
                }
            }
        }

        return days;
    }
}
