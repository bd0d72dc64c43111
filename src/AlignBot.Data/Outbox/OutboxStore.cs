using System.Data;
using System.Data.Common;
using AlignBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AlignBot.Data.Outbox;

/// <summary>What became of the row a change refers to.</summary>
internal sealed record SentRow(OutboxStatus Status, string? ActivityId, string? OpenedConversationId);

/// <summary>A row that went out: the platform's answer and when it came.</summary>
internal sealed record SentOutcome(long Id, SendResult.Sent Sent, DateTimeOffset CompletedAt);

/// <summary>
/// The dispatcher's view of the outbox. Each row is claimed with one conditional update (Pending → Sending), so
/// two dispatchers — two threads or two instances — can never both send it; every outcome is recorded the same way.
/// Each write takes its turn at the <see cref="WriteGate"/>; the claims and the sent marks, which come with every message,
/// can also run inside a write the caller holds already (a batch of the SQLite writer), and then share its commit.
/// </summary>
internal sealed class OutboxStore(AlignBotDbContext db, WriteGate gate)
{
    public async Task<IReadOnlyList<OutboxItem>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var due = new List<OutboxItem>();
        await foreach (var item in Due.For(db)(db, now, limit).WithCancellation(cancellationToken))
        {
            due.Add(item);
        }

        return due;
    }

    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) => NextDue.For(db)(db, cancellationToken);

    // The dispatcher's two looks at the outbox run every poll interval, idle or not: compiled, they skip EF's translation
    // cache lookup and the expression trees it is keyed by, which were most of what an idle host allocated.
    private static readonly CompiledPerModel<Func<AlignBotDbContext, DateTimeOffset, int, IAsyncEnumerable<OutboxItem>>> Due = new(() =>
        EF.CompileAsyncQuery((AlignBotDbContext db, DateTimeOffset now, int limit) => db.Outbox.AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
            .OrderBy(o => o.Id)
            .Take(limit)
            .Select(o => new OutboxItem(o.Id, o.Platform, o.ConversationId, o.Operation, o.Attempts, o.TargetKey, o.Payload))));

    private static readonly CompiledPerModel<Func<AlignBotDbContext, CancellationToken, Task<DateTimeOffset?>>> NextDue = new(() =>
        EF.CompileAsyncQuery((AlignBotDbContext db, CancellationToken _) => db.Outbox.AsNoTracking()
            .Where(o => o.Status == OutboxStatus.Pending)
            .OrderBy(o => o.NextAttemptAt)
            .Select(o => (DateTimeOffset?)o.NextAttemptAt)
            .FirstOrDefault()));

    public async Task<bool> TryClaimAsync(long id, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        (await ClaimAsync([id], leaseUntil, cancellationToken)).Count == 1;

    /// <summary>
    /// Claims those of <paramref name="ids"/> that are still pending in one statement, and returns the ones it
    /// claimed: the rest were taken by another dispatcher. One statement (and one commit) for a whole batch of due
    /// rows instead of one per row; it is plain SQL because EF's update path cost more CPU than the write itself,
    /// and both SQLite and PostgreSQL report the rows they changed with RETURNING.
    /// </summary>
    public async Task<IReadOnlySet<long>> ClaimAsync(IReadOnlyList<long> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var claimed = new HashSet<long>();
        if (ids.Count == 0)
        {
            return claimed;
        }

        var names = ids.Select((_, i) => "@id" + i).ToArray();
        using var turn = InWrite ? default : await gate.EnterAsync(cancellationToken);
        await PlainSql.OnOpenConnectionAsync(db, async () =>
        {
            await using var statement = PlainSql.Prepare(
                db,
                $"""UPDATE outbox SET "Status" = {(int)OutboxStatus.Sending}, "LeaseUntil" = @lease, "Attempts" = "Attempts" + 1 """ +
                $"""WHERE "Status" = {(int)OutboxStatus.Pending} AND "Id" IN ({string.Join(", ", names)}) RETURNING "Id" """);
            var command = statement.Command;
            for (var i = 0; i < ids.Count; i++)
            {
                command.Parameter(names[i], ids[i], DbType.Int64);
            }

            command.Parameter("@lease", PlainSql.Stored<OutboxRecord>(db, nameof(OutboxRecord.LeaseUntil), leaseUntil));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(reader.GetInt64(0));
            }

            return claimed.Count;
        }, cancellationToken);

        return claimed;
    }

    /// <summary>
    /// The platform message id of the row with <paramref name="key"/>, once it was sent (null while it is not), and
    /// the conversation a proactive 1:1 opened for it (null for any other row): changes to that message go there.
    /// </summary>
    public async Task<SentRow?> FindSentAsync(string key, CancellationToken cancellationToken) =>
        await db.Outbox.AsNoTracking().Where(o => o.Key == key)
            .Select(o => new SentRow(o.Status, o.SentActivityId, o.Operation == OutboundOperation.SendToUser ? o.SentConversationId : null))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// What the bot's message <paramref name="activityId"/> in <paramref name="conversationId"/> shows now: the content of
    /// the latest row that sent it or changed it (a later update, sent or still on its way). Null when AlignBot did not
    /// post it. Slack's "Open form" needs it: the button only names the message, the card behind it is here.
    /// </summary>
    public async Task<MessageContent?> FindLatestContentAsync(Platform platform, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var sent = await db.Outbox.AsNoTracking()
            .Where(o => o.Platform == platform && (o.ConversationId == conversationId || o.SentConversationId == conversationId) && o.SentActivityId == activityId)
            .Select(o => new { o.Id, o.Key, o.Payload })
            .ToListAsync(cancellationToken);
        if (sent.Count == 0)
        {
            return null;
        }

        var keys = sent.Select(s => s.Key).OfType<string>().ToList();
        var firstId = sent.Min(s => s.Id);
        var updates = await db.Outbox.AsNoTracking()
            .Where(o => o.Platform == platform && o.Operation == OutboundOperation.Update && o.Id > firstId
                && ((o.TargetKey != null && keys.Contains(o.TargetKey)) || o.Payload.Contains(activityId)))
            .Select(o => new { o.Id, o.Key, o.Payload })
            .ToListAsync(cancellationToken);
        var latest = sent.MaxBy(s => s.Id)!;
        foreach (var row in updates.Where(u => u.Id > latest.Id).OrderBy(u => u.Id))
        {
            // The text search only narrows the rows down: the update must target this very message.
            var update = OutboxJson.Deserialize(row.Payload);
            if (update.TargetActivityId == activityId || (update.TargetOutboxKey is { } key && keys.Contains(key)))
            {
                latest = row;
            }
        }

        return OutboxJson.Deserialize(latest.Payload).Content;
    }

    public Task MarkSentAsync(long id, SendResult.Sent sent, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(
            db.Outbox.Where(o => o.Id == id),
            s => s.SetProperty(o => o.Status, OutboxStatus.Sent)
                .SetProperty(o => o.SentActivityId, sent.ActivityId)
                .SetProperty(o => o.SentConversationId, sent.ConversationId)
                .SetProperty(o => o.CompletedAt, now)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, (string?)null),
            cancellationToken);

    /// <summary>
    /// Records several sends at once, in one transaction: the dispatcher gathers the sends that finished while the
    /// database was busy and commits them together, one commit instead of one per message.
    /// </summary>
    public async Task MarkSentAsync(IReadOnlyList<SentOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var own = !InWrite;
        using var turn = own ? await gate.EnterAsync(cancellationToken) : default;
        await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using var statement = PlainSql.Prepare(
            db,
            $"""UPDATE outbox SET "Status" = {(int)OutboxStatus.Sent}, "SentActivityId" = @activity, "SentConversationId" = @conversation, """ +
            """ "CompletedAt" = @completed, "LeaseUntil" = NULL, "LastError" = NULL WHERE "Id" = @id""");
        var command = statement.Command;
        var activity = command.Parameter("@activity", null, DbType.String);
        var conversation = command.Parameter("@conversation", null, DbType.String);
        var completed = command.Parameter("@completed", null);
        var id = command.Parameter("@id", null, DbType.Int64);
        foreach (var outcome in outcomes)
        {
            activity.Value = (object?)outcome.Sent.ActivityId ?? DBNull.Value;
            conversation.Value = (object?)outcome.Sent.ConversationId ?? DBNull.Value;
            completed.Value = PlainSql.Stored<OutboxRecord>(db, nameof(OutboxRecord.CompletedAt), outcome.CompletedAt);
            id.Value = outcome.Id;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// True inside a transaction the caller began: it began it at its turn at the gate (a batch of the SQLite writer,
    /// or the caller's own), so the write neither waits for a turn nor commits on its own.
    /// </summary>
    private bool InWrite => db.Database.CurrentTransaction is not null;

    public Task RescheduleAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        WriteAsync(
            db.Outbox.Where(o => o.Id == id),
            s => s.SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.NextAttemptAt, nextAttemptAt)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, Truncate(error)),
            cancellationToken);

    /// <summary>Puts a claimed row back without counting the attempt (the send was never tried).</summary>
    public Task ReleaseAsync(long id, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        WriteAsync(
            db.Outbox.Where(o => o.Id == id && o.Status == OutboxStatus.Sending),
            s => s.SetProperty(o => o.Status, OutboxStatus.Pending)
                .SetProperty(o => o.NextAttemptAt, nextAttemptAt)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.Attempts, o => o.Attempts - 1),
            cancellationToken);

    public Task CompleteAsync(long id, OutboxStatus status, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(
            db.Outbox.Where(o => o.Id == id),
            s => s.SetProperty(o => o.Status, status)
                .SetProperty(o => o.CompletedAt, now)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, Truncate(error)),
            cancellationToken);

    /// <summary>Rows a dispatcher claimed and never finished (it stopped mid-send): marked indeterminate, never resent.</summary>
    public Task<int> RecoverAbandonedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(
            db.Outbox.Where(o => o.Status == OutboxStatus.Sending && o.LeaseUntil < now),
            s => s.SetProperty(o => o.Status, OutboxStatus.Indeterminate)
                .SetProperty(o => o.CompletedAt, now)
                .SetProperty(o => o.LastError, "The dispatcher stopped while sending; not resent to avoid a duplicate."),
            cancellationToken);

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) =>
        await db.Outbox.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private async Task<int> WriteAsync(
        IQueryable<OutboxRecord> rows,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxRecord>> setters,
        CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        return await rows.ExecuteUpdateAsync(setters, cancellationToken);
    }

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];
}
