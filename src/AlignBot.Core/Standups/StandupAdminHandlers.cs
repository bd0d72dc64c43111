using System.Globalization;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Core.Routing;

namespace AlignBot.Core.Standups;

/// <summary>
/// What leads do with their stand-ups from chat: list, pause, resume, delete (audited), edit the questions on a card
/// (audited), report and export.
/// </summary>
public sealed class StandupAdminHandlers(IStandupStore store, IOrganization organization, IAuditLog audit, IStandupExportLinks exports, TimeProvider clock)
{
    public const int DefaultReportDays = 7;
    public const int MaxReportRows = 60;
    public const int MaxAuditDetails = 1000;

    public static void Map(ChatRouter router) =>
        router
            .OnCommand<StandupAdminHandlers>("standup list", "standup list", "Your teams' stand-ups: when, for whom, paused or running", (h, c, ct) => h.ListAsync(c, ct))
            .OnCommand<StandupAdminHandlers>("standup pause", "standup pause <name>", "Leads: pause a stand-up (no prompts until resumed)", (h, c, ct) => h.SetPausedAsync(c, paused: true, ct))
            .OnCommand<StandupAdminHandlers>("standup resume", "standup resume <name>", "Leads: resume a paused stand-up", (h, c, ct) => h.SetPausedAsync(c, paused: false, ct))
            .OnCommand<StandupAdminHandlers>("standup delete", "standup delete <name>", "Leads: delete a stand-up (its answers are kept)", (h, c, ct) => h.DeleteAsync(c, ct))
            .OnCommand<StandupAdminHandlers>("standup report", "standup report <name> [from] [to]", "Leads: the answers for a date range (default: the last 7 days)", (h, c, ct) => h.ReportAsync(c, ct))
            .OnCommand<StandupAdminHandlers>("standup export", "standup export <name> [from] [to]", "Leads: download the answers as CSV", (h, c, ct) => h.ExportAsync(c, ct))
            .OnCommand<StandupAdminHandlers>("standup edit", "standup edit <name>", "Leads: edit a stand-up's questions on a card (add, reorder, required, free text or a choice)", (h, c, ct) => h.EditAsync(c, ct))
            .OnCardAction<StandupAdminHandlers>(StandupActions.QuestionUp, (h, a, ct) => h.ChangeQuestionsAsync(a, (rows, row, _) => (StandupQuestionEditor.Move(rows, row, -1), null), ct))
            .OnCardAction<StandupAdminHandlers>(StandupActions.QuestionDown, (h, a, ct) => h.ChangeQuestionsAsync(a, (rows, row, _) => (StandupQuestionEditor.Move(rows, row, +1), null), ct))
            .OnCardAction<StandupAdminHandlers>(StandupActions.QuestionRemove, (h, a, ct) => h.ChangeQuestionsAsync(a, (rows, row, _) => (StandupQuestionEditor.Remove(rows, row), null), ct))
            .OnCardAction<StandupAdminHandlers>(StandupActions.QuestionAdd, (h, a, ct) => h.ChangeQuestionsAsync(a, AddQuestion, ct))
            .OnCardAction<StandupAdminHandlers>(StandupActions.QuestionsSave, (h, a, ct) => h.SaveQuestionsAsync(a, ct));

    public async Task<Ack> ListAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var mine = await VisibleAsync(command, leadOnly: false, cancellationToken);
        if (mine.Count == 0)
        {
            return Reply(command, "None of your teams has a stand-up.");
        }

        var lines = mine.Select(s =>
            $"- **{s.Standup.Name}** ({s.Team.Name}): {string.Join(", ", s.Standup.Days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3]))} at {s.Standup.PromptAt:HH\\:mm} local" + (s.Standup.Paused ? " — paused" : ""));
        return Reply(command, "Stand-ups:\n" + string.Join("\n", lines));
    }

    public async Task<Ack> SetPausedAsync(CommandContext command, bool paused, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindLedAsync(command, command.Arguments, cancellationToken);
        if (found is not { } target)
        {
            return refusal!;
        }

        if (target.Standup.Paused == paused)
        {
            return Reply(command, $"{target.Standup.Name} is already {(paused ? "paused" : "running")}.");
        }

        await store.SaveStandupAsync(target.Standup with { Paused = paused }, cancellationToken);
        audit.Record(command.Message.From!, target.Team.TeamId, paused ? "standup.pause" : "standup.resume", target.Standup.Name);
        return Reply(command, paused
            ? $"Paused {target.Standup.Name}: no prompts until someone says \"standup resume {target.Standup.Name}\"."
            : $"Resumed {target.Standup.Name}: prompts start again at the next {target.Standup.PromptAt:HH\\:mm}.");
    }

    public async Task<Ack> DeleteAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindLedAsync(command, command.Arguments, cancellationToken);
        if (found is not { } target)
        {
            return refusal!;
        }

        await store.DeleteStandupAsync(target.Standup.Id, cancellationToken);
        audit.Record(command.Message.From!, target.Team.TeamId, "standup.delete", target.Standup.Name);
        return Reply(command, $"Deleted {target.Standup.Name}. Its answers are kept for reports.");
    }

    public async Task<Ack> EditAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindLedAsync(command, command.Arguments, cancellationToken);
        if (found is not { } target)
        {
            return refusal!;
        }

        var card = StandupEditCards.Edit(target.Standup, target.Team.Name, [.. target.Standup.Questions.Select(QuestionRow.From)]);
        return Ack.Reply(command.Message, MessageContent.FromCard(card, $"Edit {target.Standup.Name}"));
    }

    /// <summary>Move up, move down, remove or add on the edit card: the card comes back changed, with everything typed kept.</summary>
    public async Task<Ack> ChangeQuestionsAsync(
        CardActionSubmitted action,
        Func<List<QuestionRow>, int, StandupDefinition, (List<QuestionRow> Rows, string? Error)> change,
        CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindLedAsync(action, cancellationToken);
        if (found is not { } target)
        {
            return Ack.WithMessage(refusal!);
        }

        var rows = StandupQuestionEditor.Read(action.Inputs);
        var row = int.TryParse(action.Inputs.Text(StandupActions.RowKey), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        var (changed, error) = change(rows, row, target.Standup);
        return Ack.WithCard(StandupEditCards.Edit(target.Standup, target.Team.Name, changed, error is null ? null : [error]));
    }

    public async Task<Ack> SaveQuestionsAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindLedAsync(action, cancellationToken);
        if (found is not { } target)
        {
            return Ack.WithMessage(refusal!);
        }

        var rows = StandupQuestionEditor.Read(action.Inputs);
        var (questions, errors, inputErrors) = StandupQuestionEditor.ValidateByInput(rows);
        if (errors.Count > 0)
        {
            return Ack.WithCard(StandupEditCards.Edit(target.Standup, target.Team.Name, rows, errors)) with { InputErrors = inputErrors };
        }

        await store.SaveQuestionsAsync(target.Standup.Id, questions, cancellationToken);
        var details = $"{target.Standup.Name}: " + string.Join("; ", questions.Select((q, i) => $"{i + 1}. {q.Text} ({StandupEditCards.Describe(q)})"));
        audit.Record(action.From!, target.Team.TeamId, "standup.questions", details.Length > MaxAuditDetails ? details[..(MaxAuditDetails - 1)] + "…" : details); // FindLedAsync refuses when From is null
        return Ack.WithCard(StandupEditCards.Saved(target.Standup with { Questions = questions }));
    }

    public async Task<Ack> ReportAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var (target, from, to, refusal) = await FindLedWithRangeAsync(command, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var prompts = await store.GetPromptsAsync(target.Standup.Id, from, to, cancellationToken);
        var names = target.Team.Members.ToDictionary(m => m.MemberId, m => m.DisplayName, StringComparer.OrdinalIgnoreCase);
        var body = new List<CardElement> { TextBlock.Heading($"{target.Standup.Name}: {from:yyyy-MM-dd} to {to:yyyy-MM-dd}") };
        var answered = prompts.Where(p => p.Status == PromptStatus.Answered).OrderBy(p => p.LocalDate).ThenBy(p => names.GetValueOrDefault(p.MemberId, p.MemberId)).ToList();
        body.Add(TextBlock.Subtle($"{answered.Count} answers · {prompts.Count(p => p.Status == PromptStatus.Skipped)} skipped · {prompts.Count(p => p.Status == PromptStatus.OutOfOffice)} out of office · {prompts.Count(p => p.Status == PromptStatus.Prompted)} unanswered"));
        foreach (var day in answered.Take(MaxReportRows).GroupBy(p => p.LocalDate))
        {
            body.Add(new TextBlock(day.Key.ToString("dddd d MMMM", CultureInfo.InvariantCulture)) { Weight = TextWeight.Bolder, Separator = true });
            foreach (var prompt in day)
            {
                body.Add(new TextBlock(names.GetValueOrDefault(prompt.MemberId, prompt.MemberId) + (prompt.Late ? " (late)" : "")) { Weight = TextWeight.Bolder, Size = TextSize.Small });
                body.Add(new FactSet([.. target.Standup.AsAsked(prompt).Questions.Select(q => new Fact(q.Text, prompt.Answers.GetValueOrDefault(q.Id) is { Length: > 0 } a ? a : "—"))]));
            }
        }

        if (answered.Count > MaxReportRows)
        {
            body.Add(TextBlock.Subtle($"Showing the first {MaxReportRows} answers: use \"standup export\" for all of them."));
        }

        var card = new AdaptiveCard
        {
            FallbackText = $"{target.Standup.Name} report",
            Body = body,
            Actions = [new OpenUrlAction("Download CSV", exports.Create(target.Standup.Id, from, to).ToString())],
        };
        return Ack.Reply(command.Message, MessageContent.FromCard(card, $"{target.Standup.Name} report"));
    }

    public async Task<Ack> ExportAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var (target, from, to, refusal) = await FindLedWithRangeAsync(command, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var card = new AdaptiveCard
        {
            FallbackText = $"{target.Standup.Name} answers as CSV",
            Body =
            [
                TextBlock.Heading($"{target.Standup.Name}: answers as CSV"),
                new TextBlock($"From {from:yyyy-MM-dd} to {to:yyyy-MM-dd}. The link works for 24 hours."),
            ],
            Actions = [new OpenUrlAction("Download CSV", exports.Create(target.Standup.Id, from, to).ToString())],
        };
        return Ack.Reply(command.Message, MessageContent.FromCard(card, $"{target.Standup.Name} export"));
    }

    /// <summary>The stand-up a lead named, and the date range after its name; or the answer that explains what is wrong.</summary>
    private async Task<((StandupDefinition Standup, TeamRoster Team) Target, DateOnly From, DateOnly To, Ack? Refusal)> FindLedWithRangeAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var (name, from, to, error) = ParseRange(command.Arguments);
        if (error is not null)
        {
            return (default, from, to, Reply(command, error));
        }

        var (found, refusal) = await FindLedAsync(command, name, cancellationToken);
        return found is { } target ? (target, from, to, null) : (default, from, to, refusal);
    }

    /// <summary>"name [from] [to]": dates are yyyy-MM-dd at the end; the rest is the stand-up's name.</summary>
    private (string Name, DateOnly From, DateOnly To, string? Error) ParseRange(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var dates = new List<DateOnly>();
        while (words.Count > 0 && DateOnly.TryParseExact(words[^1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            dates.Insert(0, date);
            words.RemoveAt(words.Count - 1);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (from, to) = dates.Count switch
        {
            0 => (today.AddDays(1 - DefaultReportDays), today),
            1 => (dates[0], today),
            _ => (dates[0], dates[1]),
        };
        return dates.Count > 2 ? ("", from, to, "Give at most two dates: from and to (yyyy-MM-dd).")
            : from > to ? ("", from, to, $"The range starts after it ends ({from:yyyy-MM-dd} > {to:yyyy-MM-dd}).")
            : (string.Join(' ', words), from, to, null);
    }

    private async Task<List<(StandupDefinition Standup, TeamRoster Team)>> VisibleAsync(CommandContext command, bool leadOnly, CancellationToken cancellationToken)
    {
        if (command.Message.From is not { } user)
        {
            return [];
        }

        var teams = await organization.TeamsOfAsync(user, cancellationToken);
        var isAdmin = organization.IsAdmin(user);
        var allowed = teams.Where(t => !leadOnly || isAdmin || t.Find(user)?.Role == TeamRole.Lead).Select(t => t.TeamId).ToHashSet();
        return [.. (await store.GetStandupsAsync(cancellationToken)).Where(s => allowed.Contains(s.Team.TeamId))];
    }

    private async Task<((StandupDefinition Standup, TeamRoster Team)? Found, Ack? Refusal)> FindLedAsync(CommandContext command, string name, CancellationToken cancellationToken)
    {
        var led = await VisibleAsync(command, leadOnly: true, cancellationToken);
        if (led.Count == 0)
        {
            return (null, Reply(command, "Only a team's leads (or an admin) can manage its stand-ups."));
        }

        var matches = string.IsNullOrWhiteSpace(name) && led.Count == 1
            ? led
            : led.Where(s => s.Standup.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1
            ? (matches[0], null)
            : (null, Reply(command, (string.IsNullOrWhiteSpace(name) ? "Which stand-up? " : $"No stand-up you lead is called \"{name.Trim()}\". ") + "Yours: " + string.Join(", ", led.Select(s => s.Standup.Name)) + "."));
    }

    private static (List<QuestionRow> Rows, string? Error) AddQuestion(List<QuestionRow> rows, int row, StandupDefinition standup) =>
        rows.Count >= StandupQuestionEditor.MaxQuestions
            ? (rows, $"A stand-up has at most {StandupQuestionEditor.MaxQuestions} questions.")
            : (StandupQuestionEditor.Add(rows, standup.Questions.Select(q => q.Id)), null);

    /// <summary>The stand-up an edit card's button names, if the person pressing it leads its team (or is an admin).</summary>
    private async Task<((StandupDefinition Standup, TeamRoster Team)? Found, string? Refusal)> FindLedAsync(CardActionSubmitted action, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(action.Inputs.Text(StandupActions.StandupKey), out var id) || await store.GetStandupAsync(id, cancellationToken) is not { } found)
        {
            return (null, "This stand-up no longer exists.");
        }

        return action.From is { } user && (organization.IsAdmin(user) || found.Team.Find(user)?.Role == TeamRole.Lead)
            ? (found, null)
            : (null, $"Only the leads of {found.Team.Name} (or an admin) can change its questions.");
    }

    private static Ack Reply(CommandContext command, string text) => Ack.Reply(command.Message, MessageContent.FromText(text));
}
