using AlignBot.Core.Availability;

namespace AlignBot.Core.Standups;

/// <summary>
/// Decides, for one member at one instant, whether a stand-up is due: on a stand-up day that is a working day and
/// not a holiday in the member's own calendar, from the local prompt time until it goes stale.
/// </summary>
public static class StandupSchedule
{
    public static StandupOccurrence? DueAt(StandupDefinition standup, string memberId, MemberAvailability availability, DateTimeOffset nowUtc)
    {
        if (standup.Paused || !LocalClock.TryZone(availability.TimeZone, out var zone))
        {
            return null;
        }

        // Today and yesterday (local): a late prompt time plus the stale window can cross midnight.
        var today = LocalClock.LocalDate(nowUtc, zone);
        foreach (var date in new[] { today, today.AddDays(-1) })
        {
            if (!standup.Days.Contains(date.DayOfWeek) || !availability.Pattern.IsWorkingDay(date) || availability.IsHoliday(date))
            {
                continue;
            }

            var promptAt = LocalClock.ToUtc(date, standup.PromptAt, zone);
            if (nowUtc < promptAt || nowUtc >= promptAt + StandupDefinition.StaleAfter)
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
