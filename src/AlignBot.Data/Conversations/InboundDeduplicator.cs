using AlignBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Conversations;

/// <summary>Records each delivery id once; a retried delivery of the same id is reported as seen.</summary>
internal sealed class InboundDeduplicator(AlignBotDbContext db, WriteGate gate, TimeProvider clock)
{
    /// <summary>
    /// Adds the delivery to the current unit of work. Returns false when it was processed before. The unique key
    /// is the backstop for two copies racing: the second commit fails and the caller treats it as a duplicate.
    /// </summary>
    public async Task<bool> TryRecordAsync(Platform platform, string deliveryId, CancellationToken cancellationToken)
    {
        if (await Seen.For(db)(db, (int)platform, deliveryId, cancellationToken))
        {
            return false;
        }

        db.InboundDeliveries.Add(new InboundDelivery { Platform = (int)platform, DeliveryId = deliveryId, ReceivedAt = clock.GetUtcNow() });
        return true;
    }

    /// <summary>Compiled once: it runs for every inbound request.</summary>
    private static readonly CompiledPerModel<Func<AlignBotDbContext, int, string, CancellationToken, Task<bool>>> Seen = new(() => EF.CompileAsyncQuery(
        (AlignBotDbContext db, int platform, string deliveryId, CancellationToken _) => db.InboundDeliveries.Any(d => d.Platform == platform && d.DeliveryId == deliveryId)));

    /// <summary>Forgets deliveries older than <paramref name="age"/>: platforms retry within minutes, not days.</summary>
    public async Task<int> PurgeOlderThanAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - age;
        using var turn = await gate.EnterAsync(cancellationToken);
        return await db.InboundDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
