using AlignBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Outbox;

/// <summary>
/// Adds outbound messages to the caller's unit of work, so they commit (or roll back) with the state change
/// that caused them. A message whose idempotency key is already in the outbox is skipped.
/// </summary>
internal sealed class OutboxWriter(AlignBotDbContext db, TimeProvider clock)
{
    public async Task<int> AddAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var message in messages)
        {
            if (message.Key is { } key
                && (db.Outbox.Local.Any(o => o.Key == key) || await db.Outbox.AnyAsync(o => o.Key == key, cancellationToken)))
            {
                continue;
            }

            db.Outbox.Add(new OutboxRecord
            {
                Platform = message.To.Platform,
                TenantId = message.To.TenantId,
                ConversationId = message.To.ConversationId,
                Key = message.Key,
                TargetKey = message.TargetOutboxKey,
                Operation = message.Operation,
                Payload = OutboxJson.Serialize(message),
                Status = OutboxStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            added++;
        }

        return added;
    }
}
