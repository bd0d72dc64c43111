using System.Text.Json;
using AlignBot.Core.Cards;
using AlignBot.Core.Organization;
using AlignBot.Core.Standups;
using AlignBot.Data.Organization;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Standups;

internal sealed class StandupStore(AlignBotDbContext db, RosterReader rosters, TimeProvider clock) : IStandupStore
{
    public async Task<IReadOnlyList<(StandupDefinition Standup, TeamRoster Team)>> GetStandupsAsync(CancellationToken cancellationToken)
    {
        var records = await db.Standups.AsNoTracking().Where(s => !s.Deleted).OrderBy(s => s.TeamId).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        return await WithRostersAsync(records, cancellationToken);
    }

    public async Task<(StandupDefinition Standup, TeamRoster Team)?> GetStandupAsync(Guid standupId, CancellationToken cancellationToken)
    {
        var record = await db.Standups.AsNoTracking().SingleOrDefaultAsync(s => s.Id == standupId && !s.Deleted, cancellationToken);
        return record is null ? null : (await WithRostersAsync([record], cancellationToken)).Single();
    }

    public async Task<bool> PromptExistsAsync(string key, CancellationToken cancellationToken) =>
        db.Tracked<StandupPromptRecord, string>(key) is not null || await db.StandupPrompts.AnyAsync(p => p.Key == key, cancellationToken);

    public async Task<StandupPrompt?> FindPromptAsync(string key, CancellationToken cancellationToken)
    {
        var record = await db.StandupPrompts.FindAsync([key], cancellationToken);
        return record is null ? null : ToPrompt(record);
    }

    public async Task<StandupPrompt?> PreviousAnswerAsync(Guid standupId, string memberId, DateOnly localDate, CancellationToken cancellationToken)
    {
        var record = await db.StandupPrompts.AsNoTracking()
            .Where(p => p.StandupId == standupId && p.MemberId == memberId && p.LocalDate < localDate && p.Status == PromptStatus.Answered)
            .OrderByDescending(p => p.LocalDate)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToPrompt(record);
    }

    public async Task<IReadOnlyList<StandupPrompt>> GetPromptsAwaitingReminderAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var records = await db.StandupPrompts.AsNoTracking()
            .Where(p => p.Status == PromptStatus.Prompted && p.DeadlineUtc > now && (p.ReminderSentAt == null || p.SnoozedUntil != null))
            .ToListAsync(cancellationToken);
        return [.. records.Select(ToPrompt)];
    }

    public async Task<IReadOnlyList<StandupPrompt>> GetPromptsAsync(Guid standupId, DateOnly localDate, CancellationToken cancellationToken)
    {
        var stored = await db.StandupPrompts.AsNoTracking().Where(p => p.StandupId == standupId && p.LocalDate == localDate).ToListAsync(cancellationToken);
        var pending = db.TrackedWhere<StandupPromptRecord>(p => p.StandupId == standupId && p.LocalDate == localDate).ToDictionary(p => p.Key);
        return [.. stored.Where(p => !pending.ContainsKey(p.Key)).Concat(pending.Values).Select(ToPrompt)];
    }

    public async Task<IReadOnlyList<StandupPrompt>> GetPromptsAsync(Guid standupId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var records = await db.StandupPrompts.AsNoTracking()
            .Where(p => p.StandupId == standupId && p.LocalDate >= from && p.LocalDate <= to)
            .OrderBy(p => p.LocalDate)
            .ToListAsync(cancellationToken);
        return [.. records.Select(ToPrompt)];
    }

    public async Task DeleteStandupAsync(Guid standupId, CancellationToken cancellationToken)
    {
        var record = await db.Standups.SingleAsync(s => s.Id == standupId, cancellationToken);
        record.Deleted = true;
        record.UpdatedAt = clock.GetUtcNow();
    }

    public void Add(StandupPrompt prompt) => db.StandupPrompts.Add(Apply(new StandupPromptRecord { Key = prompt.Key }, prompt));

    public void Update(StandupPrompt prompt)
    {
        var record = db.Tracked<StandupPromptRecord, string>(prompt.Key);
        if (record is null)
        {
            record = new StandupPromptRecord { Key = prompt.Key };
            db.StandupPrompts.Attach(record);
        }

        Apply(record, prompt);
        db.Entry(record).State = db.Entry(record).State == EntityState.Added ? EntityState.Added : EntityState.Modified;
    }

    public async Task SaveStandupAsync(StandupDefinition standup, CancellationToken cancellationToken)
    {
        var record = await db.Standups.SingleOrDefaultAsync(s => s.Id == standup.Id, cancellationToken);
        if (record is null)
        {
            record = new StandupRecord { Id = standup.Id };
            db.Standups.Add(record);
        }

        record.TeamId = standup.TeamId;
        record.Name = standup.Name;
        record.QuestionsJson = JsonSerializer.Serialize(standup.Questions, CardJson.Options);
        record.Days = RosterReader.Mask(standup.Days);
        record.PromptAt = standup.PromptAt;
        record.AnswerWindowMinutes = (long)standup.AnswerWindow.TotalMinutes;
        record.RemindAfterMinutes = standup.RemindAfter is { } remind ? (long)remind.TotalMinutes : null;
        record.ReportConversationId = standup.ReportTo?.ConversationId;
        record.ParticipantsJson = standup.Participants is null ? null : JsonSerializer.Serialize(standup.Participants);
        record.Paused = standup.Paused;
        record.UpdatedAt = clock.GetUtcNow();
    }

    public async Task SaveQuestionsAsync(Guid standupId, IReadOnlyList<StandupQuestion> questions, CancellationToken cancellationToken)
    {
        var record = await db.Standups.SingleAsync(s => s.Id == standupId, cancellationToken);
        record.QuestionsJson = JsonSerializer.Serialize(questions, CardJson.Options);
        record.QuestionsEditedAt = record.UpdatedAt = clock.GetUtcNow();
    }

    private async Task<IReadOnlyList<(StandupDefinition Standup, TeamRoster Team)>> WithRostersAsync(IReadOnlyList<StandupRecord> records, CancellationToken cancellationToken)
    {
        var teams = await rosters.ReadAsync([.. records.Select(r => r.TeamId).Distinct()], cancellationToken);
        var reportIds = records.Select(r => r.ReportConversationId).OfType<string>().ToList();
        var reports = reportIds.Count == 0
            ? []
            : await db.Conversations.AsNoTracking().Where(c => reportIds.Contains(c.ConversationId)).ToDictionaryAsync(c => c.ConversationId, cancellationToken);
        return [.. records
            .Where(r => teams.ContainsKey(r.TeamId))
            .Select(r => (ToDefinition(r, r.ReportConversationId is { } id && reports.TryGetValue(id, out var c) ? c.ToRef() : null), teams[r.TeamId]))];
    }

    private static StandupDefinition ToDefinition(StandupRecord record, Core.Conversations.ConversationRef? reportTo) =>
        new(
            record.Id,
            record.TeamId,
            record.Name,
            JsonSerializer.Deserialize<List<StandupQuestion>>(record.QuestionsJson, CardJson.Options) ?? [],
            RosterReader.Days(record.Days),
            record.PromptAt,
            TimeSpan.FromMinutes(record.AnswerWindowMinutes),
            record.RemindAfterMinutes is { } remind ? TimeSpan.FromMinutes(remind) : null,
            reportTo,
            record.ParticipantsJson is { } participants ? JsonSerializer.Deserialize<List<string>>(participants) : null,
            record.Paused);

    private static StandupPrompt ToPrompt(StandupPromptRecord r) =>
        StandupPrompt.Restore(
            r.Key, r.StandupId, r.MemberId, r.LocalDate, r.PromptAtUtc, r.DeadlineUtc, r.Status,
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.AnswersJson) ?? [],
            r.AnsweredAt, r.Late, r.Edited, r.ReminderSentAt, r.Blocker, r.SnoozedUntil,
            r.QuestionsJson is { } questions ? JsonSerializer.Deserialize<List<StandupQuestion>>(questions, CardJson.Options) ?? [] : []);

    private StandupPromptRecord Apply(StandupPromptRecord record, StandupPrompt prompt)
    {
        record.StandupId = prompt.StandupId;
        record.MemberId = prompt.MemberId;
        record.LocalDate = prompt.LocalDate;
        record.PromptAtUtc = prompt.PromptAtUtc;
        record.DeadlineUtc = prompt.DeadlineUtc;
        record.Status = prompt.Status;
        record.AnswersJson = JsonSerializer.Serialize(prompt.Answers);
        record.QuestionsJson = prompt.Questions.Count > 0 ? JsonSerializer.Serialize(prompt.Questions, CardJson.Options) : null;
        record.AnsweredAt = prompt.AnsweredAt;
        record.Late = prompt.Late;
        record.Edited = prompt.Edited;
        record.ReminderSentAt = prompt.ReminderSentAt;
        record.SnoozedUntil = prompt.SnoozedUntil;
        record.Blocker = prompt.Blocker;
        record.UpdatedAt = clock.GetUtcNow();
        return record;
    }
}
