using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using Microsoft.Extensions.Logging;

namespace AlignBot.Core.Standups;

/// <summary>
/// The stand-up tick: for every stand-up and every participant, in the participant's own time zone, starts the day's
/// prompt once it is due (never twice: the prompt's key is unique per stand-up, member and local date), records
/// out-of-office days, posts the day's report in the channel and keeps its summary current.
/// </summary>
public sealed partial class StartDueStandups(IStandupStore store, TimeProvider clock, ILogger<StartDueStandups> logger)
{
    public async Task<IReadOnlyList<OutboundMessage>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var outbound = new List<OutboundMessage>();
        foreach (var (standup, team) in await store.GetStandupsAsync(cancellationToken))
        {
            var started = new List<StandupOccurrence>();
            var windows = new Dictionary<string, IReadOnlyList<(DateOnly, DateTimeOffset)>>(StringComparer.Ordinal);
            foreach (var member in StandupReport.Participants(standup, team))
            {
                var zone = member.Availability.TimeZone;
                if (!windows.TryGetValue(zone, out var open))
                {
                    open = windows[zone] = StandupSchedule.Windows(standup, zone, now);
                }

                if (open.Count == 0
                    || StandupSchedule.DueAt(standup, member.MemberId, member.Availability, now, open) is not { Kind: not OccurrenceKind.Snoozed } due
                    || await store.PromptExistsAsync(due.Key, cancellationToken))
                {
                    continue;
                }

                var prompt = await StartAsync(standup, member, due, outbound, cancellationToken);
                if (prompt is not null)
                {
                    started.Add(due);
                }
            }

            foreach (var date in started.Select(o => o.LocalDate).Distinct())
            {
                var prompts = await store.GetPromptsAsync(standup.Id, date, cancellationToken);
                outbound.AddRange(StandupReport.Refresh(standup, team, date, prompts));
                PromptsStarted(logger, started.Count(o => o.LocalDate == date), standup.Id, date);
            }
        }

        return outbound;
    }

    /// <summary>Starts one member's prompt now, whatever the time ("standup now" for leads).</summary>
    public async Task<StandupPrompt?> StartAsync(StandupDefinition standup, Participant member, StandupOccurrence due, List<OutboundMessage> outbound, CancellationToken cancellationToken)
    {
        if (due.Kind == OccurrenceKind.Prompt)
        {
            var previous = await store.PreviousAnswerAsync(standup.Id, member.MemberId, due.LocalDate, cancellationToken);
            var card = StandupCards.Prompt(standup, due, openBlocker: previous?.Blocker);
            var prompt = StandupPrompt.Start(due, standup.Questions);
            if (member.Direct(MessageContent.FromCard(card, $"{standup.Name}: time for your stand-up"), prompt.PromptMessageKey) is not { } message)
            {
                Unreachable(logger, member.MemberId, standup.Id);
                return null;
            }

            store.Add(prompt);
            outbound.Add(message);
            return prompt;
        }

        var away = StandupPrompt.Start(due, standup.Questions);
        store.Add(away);
        return away;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Count} stand-up prompts for stand-up {StandupId} on {LocalDate}")]
    private static partial void PromptsStarted(ILogger logger, int count, Guid standupId, DateOnly localDate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member {MemberId} of stand-up {StandupId} cannot be reached yet: AlignBot has not met them on Teams or Slack")]
    private static partial void Unreachable(ILogger logger, string memberId, Guid standupId);
}
