using AlignBot.Core.Conversations;

namespace AlignBot.Core.Standups;

/// <summary>
/// One reminder per open prompt, <see cref="StandupDefinition.RemindAfter"/> after the prompt (or when a snooze ends),
/// sent only to the member, never as an @-mention in a channel, and only while the answer would still be on time.
/// </summary>
public sealed class SendStandupReminders(IStandupStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboundMessage>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outbound = new List<OutboundMessage>();
        var cache = new Dictionary<Guid, (StandupDefinition Standup, Organization.TeamRoster Team)?>();
        foreach (var prompt in await store.GetPromptsAwaitingReminderAsync(cancellationToken))
        {
            if (!cache.TryGetValue(prompt.StandupId, out var found))
            {
                found = cache[prompt.StandupId] = await store.GetStandupAsync(prompt.StandupId, cancellationToken);
            }

            if (found is not { Standup: { Paused: false } standup, Team: var team } || !prompt.IsOpen || now >= prompt.DeadlineUtc)
            {
                continue;
            }

            var snoozeOver = prompt.SnoozedUntil is { } until && until <= now;
            var reminderDue = prompt.ReminderSentAt is null && prompt.SnoozedUntil is null && standup.RemindAfter is { } after && now >= prompt.PromptAtUtc + after;
            if (!snoozeOver && !reminderDue)
            {
                continue;
            }

            var member = team.Members.FirstOrDefault(m => m.MemberId == prompt.MemberId);
            var occurrence = new StandupOccurrence(standup.Id, prompt.MemberId, prompt.LocalDate, prompt.PromptAtUtc, prompt.DeadlineUtc, OccurrenceKind.Prompt, member?.Availability.TimeZone ?? "Etc/UTC");
            var card = StandupCards.Prompt(standup.AsAsked(prompt), occurrence, isReminder: true);
            var key = $"{prompt.Key}:reminder:{now:yyyyMMddHHmm}";
            if (member?.Direct(MessageContent.FromCard(card, $"Reminder: {standup.Name}"), key) is { } message)
            {
                outbound.Add(message);
            }

            prompt.Reminded(now);
            store.Update(prompt);
        }

        return outbound;
    }
}
