using System.Data;
using System.Data.Common;
using System.Globalization;
using AlignBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Data.Outbox;

/// <summary>
/// Writes outbound messages in the caller's transaction, so they commit (or roll back) with the state change that
/// caused them. A message whose idempotency key is already in the outbox is skipped. Each row is one plain
/// <c>INSERT … ON CONFLICT ("Key") DO NOTHING RETURNING "Id"</c>: it runs for every message the bot sends, and the key
/// check and the insert are one statement (a copy racing in on another instance waits for the first one's transaction
/// and is then skipped); the message itself goes into <c>outbox_payloads</c> under the row's id.
/// </summary>
internal sealed class OutboxWriter(AlignBotDbContext db, TimeProvider clock)
{
    private const string Insert =
        """INSERT INTO outbox ("Platform", "TenantId", "ConversationId", "Key", "TargetKey", "Operation", "Status", "Attempts", "CreatedAt", "NextAttemptAt") """ +
        """VALUES (@platform, @tenant, @conversation, @key, @target, @operation, @status, 0, @now, @now) ON CONFLICT ("Key") DO NOTHING RETURNING "Id" """;

    private const string InsertPayload = """INSERT INTO outbox_payloads ("Id", "Payload") VALUES (@id, {0})""";

    /// <summary>
    /// SQLite takes the payload as the UTF-8 bytes the serializer writes and keeps them as text (a message's JSON is
    /// written once, not turned into a string and back); PostgreSQL takes it as a string.
    /// </summary>
    private static readonly string InsertUtf8Payload = string.Format(CultureInfo.InvariantCulture, InsertPayload, "CAST(@payload AS TEXT)");

    private static readonly string InsertStringPayload = string.Format(CultureInfo.InvariantCulture, InsertPayload, "@payload");

    private readonly bool _utf8Payload = db is SqliteAlignBotDbContext;

    private readonly List<OutboxItem> _added = [];

    /// <summary>The rows this unit of work added; the caller reads them once it has committed.</summary>
    public IReadOnlyList<OutboxItem> Committed() => _added;

    /// <summary>
    /// Writes messages that follow from no other change, in a transaction of their own (at the write gate's turn), and
    /// returns how many were new. Tools and tests that fill the outbox use it.
    /// </summary>
    public static async Task<int> WriteAloneAsync(IServiceProvider services, IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        using var turn = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await scope.ServiceProvider.GetRequiredService<OutboxWriter>().AddAsync(messages, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<int> AddAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Outbox rows are written in the transaction of the change that caused them; begin one first.");
        }

        var added = 0;
        PlainSql.Statement? row = null;
        PlainSql.Statement? payload = null;
        try
        {
            foreach (var message in messages)
            {
                row ??= PrepareRow();
                var command = row.Value.Command;
                command.Parameters["@platform"].Value = PlainSql.Stored<OutboxRecord>(db, nameof(OutboxRecord.Platform), message.To.Platform);
                command.Parameters["@tenant"].Value = message.To.TenantId;
                command.Parameters["@conversation"].Value = message.To.ConversationId;
                command.Parameters["@key"].Value = (object?)message.Key ?? DBNull.Value;
                command.Parameters["@target"].Value = (object?)message.TargetOutboxKey ?? DBNull.Value;
                command.Parameters["@operation"].Value = PlainSql.Stored<OutboxRecord>(db, nameof(OutboxRecord.Operation), message.Operation);
                if (await command.ExecuteScalarAsync(cancellationToken) is not { } id)
                {
                    continue; // the key is taken: this message was written before
                }

                payload ??= PreparePayload();
                var rowId = Convert.ToInt64(id, CultureInfo.InvariantCulture);
                payload.Value.Command.Parameters["@id"].Value = rowId;
                payload.Value.Command.Parameters["@payload"].Value = _utf8Payload ? OutboxJson.SerializeToUtf8(message) : OutboxJson.Serialize(message);
                await payload.Value.Command.ExecuteNonQueryAsync(cancellationToken);
                _added.Add(OutboxItem.Committed(rowId, message));
                added++;
            }
        }
        finally
        {
            foreach (var statement in (PlainSql.Statement?[])[row, payload])
            {
                if (statement is { } used)
                {
                    await used.DisposeAsync();
                }
            }
        }

        return added;
    }

    private PlainSql.Statement PrepareRow()
    {
        var statement = PlainSql.Prepare(db, Insert);
        var command = statement.Command;
        command.Parameter("@platform", null);
        command.Parameter("@tenant", null, DbType.String);
        command.Parameter("@conversation", null, DbType.String);
        command.Parameter("@key", null, DbType.String);
        command.Parameter("@target", null, DbType.String);
        command.Parameter("@operation", null);
        command.Parameter("@status", PlainSql.Stored<OutboxRecord>(db, nameof(OutboxRecord.Status), OutboxStatus.Pending));
        command.Parameter("@now", PlainSql.Stored<OutboxRecord>(db, nameof(OutboxRecord.CreatedAt), clock.GetUtcNow()));
        return statement;
    }

    private PlainSql.Statement PreparePayload()
    {
        var statement = PlainSql.Prepare(db, _utf8Payload ? InsertUtf8Payload : InsertStringPayload);
        statement.Command.Parameter("@id", null, DbType.Int64);
        statement.Command.Parameter("@payload", null, _utf8Payload ? DbType.Binary : DbType.String);
        return statement;
    }
}
