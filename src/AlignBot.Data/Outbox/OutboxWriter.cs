using AlignBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Outbox;

/// <summary>
/// Adds outbound messages to the caller's unit of work, so they commit (or roll back) with the state change
/// that caused them. A message whose idempotency key is already in the outbox is skipped.
/// </summary>
internal sealed class OutboxWriter(AlignBotDbContext db, TimeProvider clock)
{
    private readonly List<(OutboxRecord Record, OutboundMessage Message)> _added = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>The rows this unit of work added, once it has committed (their ids are known then).</summary>
    public IReadOnlyList<OutboxItem> Committed() => [.. _added.Where(a => a.Record.Id > 0).Select(a => OutboxItem.Committed(a.Record, a.Message))];

    public async Task<int> AddAsync(IEnumerable<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var message in messages)
        {
            if (message.Key is { } key
                && (_keys.Contains(key) || await db.Outbox.AnyAsync(o => o.Key == key, cancellationToken)))
            {
                continue;
            }

            var record = new OutboxRecord
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
            };
            db.Outbox.Add(record);
            _added.Add((record, message));
            if (message.Key is { } newKey)
            {
                _keys.Add(newKey);
            }
            added++;
        }

        return added;
    }
}
