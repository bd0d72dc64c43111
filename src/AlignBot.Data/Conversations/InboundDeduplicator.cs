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
        var exists = await db.InboundDeliveries.AnyAsync(d => d.Platform == (int)platform && d.DeliveryId == deliveryId, cancellationToken);
        if (exists)
        {
            return false;
        }

        db.InboundDeliveries.Add(new InboundDelivery { Platform = (int)platform, DeliveryId = deliveryId, ReceivedAt = clock.GetUtcNow() });
        return true;
    }

    /// <summary>Forgets deliveries older than <paramref name="age"/>: platforms retry within minutes, not days.</summary>
    public async Task<int> PurgeOlderThanAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - age;
        using var turn = await gate.EnterAsync(cancellationToken);
        return await db.InboundDeliveries.Where(d => d.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
