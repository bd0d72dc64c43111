using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Core.Standups;

/// <summary>The day's report in the team's channel: one parent post per stand-up and local date, answers threaded under it.</summary>
public static class StandupReport
{
    public static string Key(Guid standupId, DateOnly date) => $"standup-report:{standupId:N}:{date:yyyy-MM-dd}";

    public static ConversationRef? Destination(StandupDefinition standup, TeamRoster team) => standup.ReportTo ?? team.Home;

    public static StandupTally Tally(StandupDefinition standup, TeamRoster team, IReadOnlyList<StandupPrompt> prompts)
    {
        var participants = Participants(standup, team).Count();
        var answered = prompts.Count(p => p.Status == PromptStatus.Answered);
        var skipped = prompts.Count(p => p.Status == PromptStatus.Skipped);
        var away = prompts.Count(p => p.Status == PromptStatus.OutOfOffice);
        var late = prompts.Count(p => p.Status == PromptStatus.Answered && p.Late);
        return new StandupTally(answered, skipped, away, Math.Max(0, participants - answered - skipped - away), late);
    }

    /// <summary>
    /// The parent post and its summary refreshed in place. The post carries the report's key, so the outbox writes it
    /// once per stand-up and day however often this is called; the update that follows brings the summary up to date.
    /// </summary>
    public static IEnumerable<OutboundMessage> Refresh(StandupDefinition standup, TeamRoster team, DateOnly date, IReadOnlyList<StandupPrompt> prompts)
    {
        if (Destination(standup, team) is not { } to)
        {
            yield break;
        }

        var card = MessageContent.FromCard(StandupCards.Report(standup, date, Tally(standup, team, prompts)), $"{standup.Name} report");
        yield return OutboundMessage.Send(to, card, Key(standup.Id, date));
        yield return OutboundMessage.UpdateSent(to, Key(standup.Id, date), card);
    }

    public static IEnumerable<Participant> Participants(StandupDefinition standup, TeamRoster team) =>
        standup.Participants is { Count: > 0 } chosen
            ? team.Members.Where(m => chosen.Contains(m.MemberId, StringComparer.OrdinalIgnoreCase))
            : team.Members;
}
