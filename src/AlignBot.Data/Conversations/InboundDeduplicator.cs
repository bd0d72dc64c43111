using System.Data;
using AlignBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Conversations;

/// <summary>Records each delivery id once; a retried delivery of the same id is reported as seen.</summary>
internal sealed class InboundDeduplicator(AlignBotDbContext db, WriteGate gate, TimeProvider clock)
{
    /// <summary>
    /// Records the delivery in the caller's transaction (at once when there is none) and returns false when it was
    /// recorded before. The key decides: a copy racing in on another request or instance waits for the first one's
    /// transaction and then finds the id taken, so exactly one of them goes on.
    /// </summary>
    public Task<bool> TryRecordAsync(Platform platform, string deliveryId, CancellationToken cancellationToken) =>
        PlainSql.OnOpenConnectionAsync(db, async () =>
        {
            await using var statement = PlainSql.Prepare(db, """INSERT INTO inbound_deliveries ("Platform", "DeliveryId", "ReceivedAt") VALUES (@platform, @delivery, @received) ON CONFLICT DO NOTHING""");
            var command = statement.Command;
            command.Parameter("@platform", (int)platform, DbType.Int32);
            command.Parameter("@delivery", deliveryId, DbType.String);
            command.Parameter("@received", PlainSql.Stored<InboundDelivery>(db, nameof(InboundDelivery.ReceivedAt), clock.GetUtcNow()));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);

    /// <summary>
    /// Uses <paramref name="token"/> once, outside any other work (a Slack trigger, an install link's state): true the
    /// first time, false ever after, here or on another instance.
    /// </summary>
    public async Task<bool> TryUseOnceAsync(Platform platform, string token, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        return await TryRecordAsync(platform, token, cancellationToken);
    }

    /// <summary>Forgets deliveries older than <paramref name="age"/>: platforms retry within minutes, not days.</summary>
    public async Task<int> PurgeOlderThanAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - age;
        using var turn = await gate.EnterAsync(cancellationToken);
        return await db.InboundDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
