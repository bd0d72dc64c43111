using AlignBot.Core.Availability;

namespace AlignBot.Core.Standups;

/// <summary>
/// Decides, for one member at one instant, whether a stand-up is due: on a stand-up day that is a working day and
/// not a holiday in the member's own calendar, from the local prompt time until it goes stale.
/// </summary>
public static class StandupSchedule
{
    public static StandupOccurrence? DueAt(StandupDefinition standup, string memberId, MemberAvailability availability, DateTimeOffset nowUtc) =>
        DueAt(standup, memberId, availability, nowUtc, Windows(standup, availability.TimeZone, nowUtc));

    /// <summary>
    /// The stand-up's open prompt windows in one time zone at <paramref name="nowUtc"/>: today's and yesterday's local
    /// date (a late prompt time plus the stale window can cross midnight) whose prompt time has come and is not stale.
    /// The same for everyone in the zone, so a tick computes it once per zone.
    /// </summary>
    public static IReadOnlyList<(DateOnly Date, DateTimeOffset PromptAtUtc)> Windows(StandupDefinition standup, string timeZone, DateTimeOffset nowUtc)
    {
        if (standup.Paused || !LocalClock.TryZone(timeZone, out var zone))
        {
            return [];
        }

        var today = LocalClock.LocalDate(nowUtc, zone);
        var windows = new List<(DateOnly, DateTimeOffset)>(1);
        foreach (var date in new[] { today, today.AddDays(-1) })
        {
            if (!standup.Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var promptAt = LocalClock.ToUtc(date, standup.PromptAt, zone);
            if (nowUtc >= promptAt && nowUtc < promptAt + StandupDefinition.StaleAfter)
            {
                windows.Add((date, promptAt));
            }
        }

        return windows;
    }

    /// <summary>The member's occurrence within the zone's open windows: on a working day that is not a holiday.</summary>
    public static StandupOccurrence? DueAt(StandupDefinition standup, string memberId, MemberAvailability availability, DateTimeOffset nowUtc, IReadOnlyList<(DateOnly Date, DateTimeOffset PromptAtUtc)> windows)
    {
        foreach (var (date, promptAt) in windows)
        {
            if (!availability.Pattern.IsWorkingDay(date) || availability.IsHoliday(date))
            {
                continue;
            }

            var kind = availability.IsOutOfOffice(date) ? OccurrenceKind.OutOfOffice
                : availability.SnoozedUntil is { } snoozed && snoozed > nowUtc ? OccurrenceKind.Snoozed
                : OccurrenceKind.Prompt;
            return new StandupOccurrence(standup.Id, memberId, date, promptAt, promptAt + standup.AnswerWindow, kind, availability.TimeZone);
        }

        return null;
    }
}
