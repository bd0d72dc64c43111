using System.Globalization;
using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Core.Routing;

namespace AlignBot.Core.Standups;

/// <summary>Stand-up answers on the card, and the chat commands around stand-ups and a person's availability.</summary>
public sealed class StandupHandlers(IStandupStore store, IOrganization organization, StartDueStandups starter, TimeProvider clock)
{
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromMinutes(30);

    public static void Map(ChatRouter router) =>
        router
            .OnCommand<StandupHandlers>("standup now", "standup now", "Leads: send today's stand-up prompts to your team now", (h, c, ct) => h.StandupNowAsync(c, ct))
            .OnCommand<StandupHandlers>("timezone", "timezone Europe/Berlin", "Set your time zone (stand-ups come at your local time)", (h, c, ct) => h.TimeZoneAsync(c, ct))
            .OnCommand<StandupHandlers>("ooo", "ooo until 2026-12-24 | ooo off", "Out of office: no stand-up prompts until that day", (h, c, ct) => h.OutOfOfficeAsync(c, ct))
            .OnCardAction<StandupHandlers>(StandupActions.Submit, (h, a, ct) => h.SubmitAsync(a, ct))
            .OnCardAction<StandupHandlers>(StandupActions.Edit, (h, a, ct) => h.EditAsync(a, ct))
            .OnCardAction<StandupHandlers>(StandupActions.Skip, (h, a, ct) => h.SkipAsync(a, ct))
            .OnCardAction<StandupHandlers>(StandupActions.Snooze, (h, a, ct) => h.SnoozeAsync(a, ct));

    public async Task<Ack> SubmitAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(action, cancellationToken);
        if (context.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standup, team, prompt, member) = context.Found!.Value;
        var occurrence = Occurrence(standup, prompt, member);
        var answers = StandupAnswers.From(standup.Questions, action.Inputs);
        if (standup.Paused)
        {
            return Ack.WithCard(StandupCards.Prompt(standup, occurrence, answers.Values,
                new Dictionary<string, string> { ["_"] = $"{standup.Name} is paused by a lead, so answers are not being collected. What you typed is still here." }));
        }

        if (!answers.IsValid)
        {
            return Ack.WithCard(StandupCards.Prompt(standup, occurrence, answers.Values, answers.Errors)) with
            {
                InputErrors = answers.Errors.ToDictionary(e => StandupAnswers.InputId(standup.Questions.First(q => q.Id == e.Key)), e => e.Value, StringComparer.Ordinal),
            };
        }

        var now = clock.GetUtcNow();
        var previousBlocker = prompt.Blocker;
        prompt.Answer(answers.Values, answers.Blocker(standup.Questions), now);
        store.Update(prompt);

        var outbound = new List<OutboundMessage>();
        if (StandupReport.Destination(standup, team) is { } channel)
        {
            var answerCard = MessageContent.FromCard(StandupCards.Answer(standup, member.DisplayName, prompt.Answers, prompt.Late, prompt.Edited), $"{member.DisplayName} answered");
            outbound.Add(prompt.Edited
                ? OutboundMessage.UpdateSent(channel, prompt.AnswerMessageKey, answerCard)
                : OutboundMessage.ReplyToSent(channel, StandupReport.Key(standup.Id, prompt.LocalDate), answerCard, prompt.AnswerMessageKey));
        }

        var prompts = await store.GetPromptsAsync(standup.Id, prompt.LocalDate, cancellationToken);
        outbound.AddRange(StandupReport.Refresh(standup, team, prompt.LocalDate, prompts));
        if (prompt.Blocker is { } blocker && blocker != previousBlocker)
        {
            var card = MessageContent.FromCard(StandupCards.Blocker(standup, member.DisplayName, prompt.LocalDate, blocker), $"{member.DisplayName} is blocked");
            foreach (var lead in team.Leads.Where(l => l.MemberId != member.MemberId))
            {
                if (lead.Direct(card, $"{prompt.Key}:blocker:{lead.MemberId}:{now:yyyyMMddHHmmss}") is { } message)
                {
                    outbound.Add(message);
                }
            }
        }

        return Ack.WithCard(StandupCards.Answered(standup, occurrence, prompt.Answers, prompt.Late, editable: true), [.. outbound]);
    }

    public async Task<Ack> EditAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(action, cancellationToken);
        if (context.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standup, _, prompt, member) = context.Found!.Value;
        return Ack.WithCard(StandupCards.Prompt(standup, Occurrence(standup, prompt, member), prompt.Answers));
    }

    public async Task<Ack> SkipAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(action, cancellationToken);
        if (context.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standup, team, prompt, member) = context.Found!.Value;
        if (prompt.Status == PromptStatus.Answered)
        {
            return Ack.WithCard(StandupCards.Answered(standup, Occurrence(standup, prompt, member), prompt.Answers, prompt.Late, editable: true));
        }

        prompt.Skip();
        store.Update(prompt);
        var prompts = await store.GetPromptsAsync(standup.Id, prompt.LocalDate, cancellationToken);
        return Ack.WithCard(
            StandupCards.Closed(standup, Occurrence(standup, prompt, member), "Skipped today. See you at the next one."),
            [.. StandupReport.Refresh(standup, team, prompt.LocalDate, prompts)]);
    }

    public async Task<Ack> SnoozeAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var context = await LoadAsync(action, cancellationToken);
        if (context.Refusal is { } refusal)
        {
            return refusal;
        }

        var (standup, _, prompt, member) = context.Found!.Value;
        var until = clock.GetUtcNow() + SnoozeFor;
        prompt.Snooze(until);
        store.Update(prompt);
        var zone = LocalClock.TryZone(member.Availability.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var at = LocalClock.LocalDateTime(until, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        return Ack.WithCard(StandupCards.Closed(standup, Occurrence(standup, prompt, member), $"Snoozed. I'll ask again at {at}."));
    }

    public async Task<Ack> StandupNowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        if (command.Message.From is not { } user)
        {
            return Reply(command.Message, "I can't tell who you are.");
        }

        var teams = await organization.TeamsOfAsync(user, cancellationToken);
        var isAdmin = organization.IsAdmin(user);
        var led = teams.Where(t => isAdmin || t.Find(user)?.Role == TeamRole.Lead).Select(t => t.TeamId).ToHashSet();
        if (led.Count == 0)
        {
            return Reply(command.Message, "Only a team's leads (or an admin) can start its stand-up. Ask your lead, or run it in a team you lead.");
        }

        var now = clock.GetUtcNow();
        var outbound = new List<OutboundMessage>();
        var started = 0;
        var names = new List<string>();
        foreach (var (standup, team) in (await store.GetStandupsAsync(cancellationToken)).Where(s => led.Contains(s.Team.TeamId)))
        {
            if (standup.Paused)
            {
                continue;
            }

            names.Add(standup.Name);
            var dates = new HashSet<DateOnly>();
            foreach (var member in StandupReport.Participants(standup, team))
            {
                var zone = LocalClock.TryZone(member.Availability.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
                var date = LocalClock.LocalDate(now, zone);
                var kind = member.Availability.IsOutOfOffice(date) ? OccurrenceKind.OutOfOffice : OccurrenceKind.Prompt;
                var occurrence = new StandupOccurrence(standup.Id, member.MemberId, date, now, now + standup.AnswerWindow, kind, member.Availability.TimeZone);
                if (await store.PromptExistsAsync(occurrence.Key, cancellationToken)
                    || await starter.StartAsync(standup, member, occurrence, outbound, cancellationToken) is null)
                {
                    continue;
                }

                dates.Add(date);
                started++;
            }

            foreach (var date in dates)
            {
                outbound.AddRange(StandupReport.Refresh(standup, team, date, await store.GetPromptsAsync(standup.Id, date, cancellationToken)));
            }
        }

        var text = names.Count == 0
            ? "Your teams have no active stand-up."
            : started == 0
                ? $"Everyone has already been asked today ({string.Join(", ", names)})."
                : $"Sent {started} stand-up prompt{(started == 1 ? "" : "s")} ({string.Join(", ", names)}).";
        outbound.Add(OutboundMessage.Send(command.Message.Conversation, MessageContent.FromText(text)));
        return Ack.Send([.. outbound]);
    }

    public async Task<Ack> TimeZoneAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var zone = command.Arguments.Trim();
        if (command.Message.From is not { } user)
        {
            return Reply(command.Message, "I can't tell who you are.");
        }

        if (zone.Length == 0)
        {
            return Reply(command.Message, "Tell me your time zone by its IANA name, for example: timezone Europe/Berlin");
        }

        if (!LocalClock.TryZone(zone, out var found) || !found.HasIanaId)
        {
            return Reply(command.Message, $"I don't know the time zone \"{zone}\". Use an IANA name such as Europe/Berlin, America/New_York or Asia/Tokyo.");
        }

        await organization.SetTimeZoneAsync(user, found.Id, cancellationToken);
        var local = LocalClock.LocalDateTime(clock.GetUtcNow(), found).ToString("HH:mm", CultureInfo.InvariantCulture);
        return Reply(command.Message, $"Your time zone is now {found.Id} (it's {local} there). Stand-ups will come at your local time.");
    }

    public async Task<Ack> OutOfOfficeAsync(CommandContext command, CancellationToken cancellationToken)
    {
        if (command.Message.From is not { } user)
        {
            return Reply(command.Message, "I can't tell who you are.");
        }

        var arguments = command.Arguments.Trim();
        if (arguments.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            await organization.SetOutOfOfficeAsync(user, null, cancellationToken);
            return Reply(command.Message, "Welcome back: you're no longer out of office.");
        }

        var dateText = arguments.StartsWith("until ", StringComparison.OrdinalIgnoreCase) ? arguments[6..].Trim() : arguments;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            return Reply(command.Message, "Say when you're back, e.g. \"ooo until 2026-12-24\" (the last day you're away), or \"ooo off\".");
        }

        if (until < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(-1)))
        {
            return Reply(command.Message, $"{until:yyyy-MM-dd} is in the past. Give the last day you're away.");
        }

        await organization.SetOutOfOfficeAsync(user, until, cancellationToken);
        return Reply(command.Message, $"Out of office until {until.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}: no stand-up prompts until then.");
    }

    private async Task<(Ack? Refusal, (StandupDefinition Standup, TeamRoster Team, StandupPrompt Prompt, Participant Member)? Found)> LoadAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        if (action.Inputs.Text(StandupActions.PromptKey) is not { } key || await store.FindPromptAsync(key, cancellationToken) is not { } prompt)
        {
            return (Ack.WithMessage("This stand-up card is no longer open."), null);
        }

        if (await store.GetStandupAsync(prompt.StandupId, cancellationToken) is not { } found)
        {
            return (Ack.WithMessage("This stand-up was deleted, so it no longer takes answers."), null);
        }

        var member = found.Team.Members.FirstOrDefault(m => m.MemberId == prompt.MemberId);
        var presser = action.From is null ? null : found.Team.Find(action.From);
        if (member is null || presser is null || !presser.MemberId.Equals(member.MemberId, StringComparison.OrdinalIgnoreCase))
        {
            return (Ack.WithMessage("This stand-up card belongs to someone else."), null);
        }

        return (null, (found.Standup.AsAsked(prompt), found.Team, prompt, member));
    }

    private static StandupOccurrence Occurrence(StandupDefinition standup, StandupPrompt prompt, Participant member) =>
        new(standup.Id, prompt.MemberId, prompt.LocalDate, prompt.PromptAtUtc, prompt.DeadlineUtc, OccurrenceKind.Prompt, member.Availability.TimeZone);

    private static Ack Reply(MessageReceived message, string text) => Ack.Reply(message, MessageContent.FromText(text));
}
