using System.Globalization;
using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Routing;
using AlignBot.Core.Standups;

namespace AlignBot.Core.Organization;

/// <summary>
/// Leads set their team up from its channel: <c>setup</c> opens a card with the channel's roster (members, leads,
/// default zone); <c>standup new</c> (or the card's button) creates a stand-up. Every change is audited; a refusal says why.
/// </summary>
public sealed class TeamSetupHandlers(IOrganization organization, IConversationMembers members, IStandupStore standups, IAuditLog audit, TimeProvider clock)
{
    public static void Map(ChatRouter router) =>
        router
            .OnCommand<TeamSetupHandlers>("setup", "setup", "Leads, in a team channel: set the team up (members, leads, time zone)", (h, c, ct) => h.SetupAsync(c, ct))
            .OnCommand<TeamSetupHandlers>("standup new", "standup new", "Leads, in the team's channel: create a stand-up on a card", (h, c, ct) => h.NewStandupCommandAsync(c, ct))
            .OnCardAction<TeamSetupHandlers>(TeamActions.Save, (h, a, ct) => h.SaveTeamAsync(a, ct))
            .OnCardAction<TeamSetupHandlers>(TeamActions.NewStandup, (h, a, ct) => h.NewStandupAsync(a, ct))
            .OnCardAction<TeamSetupHandlers>(TeamActions.SaveStandup, (h, a, ct) => h.SaveStandupAsync(a, ct));

    public async Task<Ack> SetupAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var message = command.Message;
        if (message.From is not { } user || message.Conversation.Kind == ConversationKind.Personal)
        {
            return Reply(message, "Run setup in your team's channel or group chat (mention AlignBot there), so the team is made from its members.");
        }

        var existing = await organization.TeamOfConversationAsync(message.Conversation, cancellationToken);
        if (existing is not null && !MayManage(existing, user))
        {
            return Reply(message, $"{existing.Name} is already set up here; only its leads (or an admin) can change it.");
        }

        var roster = await members.ListAsync(message.Conversation, cancellationToken);
        var values = new Dictionary<string, string>
        {
            [TeamCards.NameInput] = existing?.Name ?? message.Conversation.Name ?? "",
            [TeamCards.ZoneInput] = existing?.Members.FirstOrDefault()?.Availability.TimeZone ?? message.TimeZone ?? "Etc/UTC",
            [TeamCards.KindInput] = (existing?.Kind ?? TeamKind.Sales).ToString(),
            [TeamCards.MembersInput] = existing is null ? string.Join(',', roster.Select(TeamCards.ChoiceValue)) : string.Join(',', existing.Members.Select(m => m.MemberId)),
            [TeamCards.LeadsInput] = existing is null ? TeamCards.ChoiceValue(user) : string.Join(',', existing.Leads.Select(m => m.MemberId)),
        };
        return Ack.Send(OutboundMessage.Send(message.Conversation, MessageContent.FromCard(TeamCards.Setup(roster, values), "Set up this team")));
    }

    public async Task<Ack> SaveTeamAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        if (action.From is not { } user)
        {
            return Ack.WithMessage("I can't tell who you are.");
        }

        var existing = await organization.TeamOfConversationAsync(action.Conversation, cancellationToken);
        if (existing is not null && !MayManage(existing, user))
        {
            return Ack.WithMessage($"Only the leads of {existing.Name} (or an admin) can change it.");
        }

        var roster = await members.ListAsync(action.Conversation, cancellationToken);
        var values = action.Inputs.ToDictionary(i => i.Key, i => i.Value);
        var errors = new List<string>();
        var inputErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Error(string input, string error)
        {
            errors.Add(error);
            inputErrors.TryAdd(input, error);
        }

        var name = action.Inputs.Text(TeamCards.NameInput) ?? "";
        var zone = action.Inputs.Text(TeamCards.ZoneInput) ?? "";
        if (name.Length is 0 or > 100)
        {
            Error(TeamCards.NameInput, "The team needs a name (at most 100 characters).");
        }

        if (!LocalClock.TryZone(zone, out _))
        {
            Error(TeamCards.ZoneInput, $"\"{zone}\" is not a time zone I know; use an IANA name such as Europe/Berlin.");
        }

        var byValue = roster.ToDictionary(TeamCards.ChoiceValue, StringComparer.OrdinalIgnoreCase);
        var leads = Split(action.Inputs.Text(TeamCards.LeadsInput));
        var chosen = Split(action.Inputs.Text(TeamCards.MembersInput)).Union(leads, StringComparer.OrdinalIgnoreCase).ToList();
        if (leads.Count == 0)
        {
            Error(TeamCards.LeadsInput, "Name at least one lead.");
        }

        if (chosen.FirstOrDefault(id => !byValue.ContainsKey(id)) is { } stranger)
        {
            Error(leads.Contains(stranger, StringComparer.OrdinalIgnoreCase) ? TeamCards.LeadsInput : TeamCards.MembersInput, $"'{stranger}' is not in this conversation.");
        }

        if (errors.Count > 0)
        {
            return Ack.WithCard(TeamCards.Setup(roster, values, errors)) with { InputErrors = inputErrors };
        }

        var kind = Enum.TryParse<TeamKind>(action.Inputs.Text(TeamCards.KindInput), ignoreCase: true, out var parsed) ? parsed : TeamKind.Other;
        var teamId = existing?.TeamId ?? NewTeamId(name, action.Conversation);
        var setup = new TeamSetup(teamId, name, kind, zone, action.Conversation,
            [.. chosen.Select(id => (byValue[id], leads.Contains(id, StringComparer.OrdinalIgnoreCase) ? TeamRole.Lead : TeamRole.Member))]);
        await organization.SaveTeamAsync(setup, cancellationToken);
        audit.Record(user, teamId, existing is null ? "team.create" : "team.update", $"{name}: {chosen.Count} members, leads {string.Join(", ", leads.Select(l => byValue[l].DisplayName ?? l))}");
        return Ack.WithCard(TeamCards.Saved(name, chosen.Count, [.. leads.Select(l => byValue[l].DisplayName ?? l)]));
    }

    public async Task<Ack> NewStandupCommandAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var (team, refusal) = await LedTeamAsync(command.Message.Conversation, command.Message.From, cancellationToken);
        return team is null
            ? Reply(command.Message, refusal!)
            : Ack.Send(OutboundMessage.Send(command.Message.Conversation, MessageContent.FromCard(TeamCards.NewStandup(team.Name, new Dictionary<string, string>(), members: team.Members), "New stand-up")));
    }

    public async Task<Ack> NewStandupAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var (team, refusal) = await LedTeamAsync(action.Conversation, action.From, cancellationToken);
        return team is null ? Ack.WithMessage(refusal!) : Ack.WithCard(TeamCards.NewStandup(team.Name, new Dictionary<string, string>(), members: team.Members));
    }

    public async Task<Ack> SaveStandupAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var (team, refusal) = await LedTeamAsync(action.Conversation, action.From, cancellationToken);
        if (team is null)
        {
            return Ack.WithMessage(refusal!);
        }

        var values = action.Inputs.ToDictionary(i => i.Key, i => i.Value);
        var errors = new List<string>();
        var inputErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Error(string input, string error)
        {
            errors.Add(error);
            inputErrors.TryAdd(input, error);
        }

        var name = action.Inputs.Text(TeamCards.StandupNameInput) ?? "";
        if (name.Length is 0 or > 100)
        {
            Error(TeamCards.StandupNameInput, "The stand-up needs a name (at most 100 characters).");
        }
        else if ((await standups.GetStandupsAsync(cancellationToken)).Any(s => s.Team.TeamId == team.TeamId && s.Standup.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            Error(TeamCards.StandupNameInput, $"{team.Name} already has a stand-up called \"{name}\".");
        }

        if (!TimeOnly.TryParseExact(action.Inputs.Text(TeamCards.StandupTimeInput) ?? "", ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            Error(TeamCards.StandupTimeInput, "Pick the time as HH:mm, e.g. 09:00.");
        }

        var days = Split(action.Inputs.Text(TeamCards.StandupDaysInput)).Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? (DayOfWeek?)day : null).ToList();
        if (days.Count == 0 || days.Any(d => d is null))
        {
            Error(TeamCards.StandupDaysInput, "Pick at least one day.");
        }

        var before = errors.Count;
        var questions = ParseQuestions(action.Inputs.Text(TeamCards.StandupQuestionsInput) ?? "", errors);
        if (errors.Count > before)
        {
            inputErrors.TryAdd(TeamCards.StandupQuestionsInput, string.Join(" ", errors.Skip(before)));
        }

        var window = int.TryParse(action.Inputs.Text(TeamCards.StandupWindowInput), CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 1440 ? minutes : 240;
        var reminder = int.TryParse(action.Inputs.Text(TeamCards.StandupReminderInput), CultureInfo.InvariantCulture, out var remind) && remind is > 0 and < 1440 ? remind : 0;
        var picked = Split(action.Inputs.Text(TeamCards.StandupParticipantsInput)).ToList();
        var unknown = picked.Where(id => !team.Members.Any(m => string.Equals(m.MemberId, id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            Error(TeamCards.StandupParticipantsInput, $"{string.Join(", ", unknown)} is not in {team.Name}: pick people from the list.");
        }

        if (errors.Count > 0)
        {
            return Ack.WithCard(TeamCards.NewStandup(team.Name, values, errors, team.Members)) with { InputErrors = inputErrors };
        }

        var standup = new StandupDefinition(
            Guid.CreateVersion7(clock.GetUtcNow()), team.TeamId, name, questions, days.OfType<DayOfWeek>().ToHashSet(), at,
            TimeSpan.FromMinutes(window), reminder > 0 ? TimeSpan.FromMinutes(reminder) : null, null, picked.Count > 0 ? picked : null);
        await standups.SaveStandupAsync(standup, cancellationToken);
        audit.Record(action.From!, team.TeamId, "standup.create", name);
        return Ack.WithCard(TeamCards.StandupCreated(team.Name, standup));
    }

    /// <summary>
    /// One question per line: a leading ! marks the blockers question, ? makes it optional, and "text | A, B, C" makes it a
    /// choice among A, B and C. Checked by the same rules as the edit card (<see cref="StandupQuestionEditor.Validate"/>).
    /// </summary>
    public static IReadOnlyList<StandupQuestion> ParseQuestions(string text, List<string> errors)
    {
        var rows = new List<QuestionRow>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var rest = line;
            var blockers = false;
            var optional = false;
            while (rest.Length > 0 && rest[0] is '!' or '?')
            {
                blockers |= rest[0] == '!';
                optional |= rest[0] == '?';
                rest = rest[1..].TrimStart();
            }

            var bar = rest.IndexOf('|', StringComparison.Ordinal);
            var question = bar < 0 ? rest : rest[..bar].TrimEnd();
            var options = bar < 0 ? "" : rest[(bar + 1)..];
            if (question.Length > 0 || bar >= 0)
            {
                rows.Add(new QuestionRow($"q{rows.Count + 1}", question, Required: !optional, IsChoice: bar >= 0, Options: options, IsBlockers: blockers));
            }
        }

        var (questions, problems) = StandupQuestionEditor.Validate(rows);
        errors.AddRange(problems);
        return questions;
    }

    private async Task<(TeamRoster? Team, string? Refusal)> LedTeamAsync(ConversationRef conversation, UserRef? user, CancellationToken cancellationToken)
    {
        var team = await organization.TeamOfConversationAsync(conversation, cancellationToken);
        return team is null ? (null, "No team is set up in this conversation yet: run \"setup\" here first.")
            : user is null || !MayManage(team, user) ? (null, $"Only the leads of {team.Name} (or an admin) can add stand-ups.")
            : (team, null);
    }

    private bool MayManage(TeamRoster team, UserRef user) => organization.IsAdmin(user) || team.Find(user)?.Role == TeamRole.Lead;

    private static List<string> Split(string? values) =>
        [.. (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string NewTeamId(string name, ConversationRef conversation)
    {
        var slug = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(conversation.ConversationId)))[..8].ToLowerInvariant();
        return $"{(slug.Length > 40 ? slug[..40] : slug)}-{hash}";
    }

    private static Ack Reply(MessageReceived message, string text) => Ack.Reply(message, MessageContent.FromText(text));
}
