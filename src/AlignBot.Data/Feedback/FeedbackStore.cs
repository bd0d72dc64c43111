using AlignBot.Core.Conversations;
using AlignBot.Core.Feedback;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Feedback;

/// <summary>Feedback items and their history, in the caller's unit of work.</summary>
internal sealed class FeedbackStore(AlignBotDbContext db) : IFeedbackStore
{
    private static readonly FeedbackStatus[] Closed = [FeedbackStatus.Resolved, FeedbackStatus.Declined];

    public async Task<long> NextNumberAsync(CancellationToken cancellationToken)
    {
        var stored = await db.FeedbackItems.MaxAsync(i => (long?)i.Number, cancellationToken) ?? 0;
        var pending = db.FeedbackItems.Local.Select(i => i.Number).DefaultIfEmpty(0).Max();
        return Math.Max(stored, pending) + 1;
    }

    public void Add(FeedbackItem item) => db.FeedbackItems.Add(item);

    public async Task<FeedbackItem?> FindAsync(long number, CancellationToken cancellationToken) =>
        await db.FeedbackItems.FindAsync([number], cancellationToken);

    public async Task<IReadOnlyList<FeedbackItem>> DueForCheckAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.FeedbackItems.Where(i => i.NextCheckAt != null && i.NextCheckAt <= now).OrderBy(i => i.Number).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FeedbackItem>> OpenAsync(string? ownerId, CancellationToken cancellationToken)
    {
        var query = db.FeedbackItems.Where(i => !Closed.Contains(i.Status));
        if (ownerId is not null)
        {
            query = query.Where(i => i.OwnerId == ownerId);
        }

        return await query.OrderBy(i => i.Number).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackItem>> OfSellerAsync(string sellerId, int limit, CancellationToken cancellationToken) =>
        await db.FeedbackItems.AsNoTracking().Where(i => i.SellerId == sellerId).OrderByDescending(i => i.Number).Take(limit).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, int>> OpenCountsAsync(IReadOnlyCollection<string> ownerIds, CancellationToken cancellationToken)
    {
        var ids = ownerIds.ToList();
        return await db.FeedbackItems.Where(i => ids.Contains(i.OwnerId) && !Closed.Contains(i.Status))
            .GroupBy(i => i.OwnerId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    public async Task<string?> LastAssigneeAsync(string queue, CancellationToken cancellationToken) =>
        db.FeedbackItems.Local.Where(i => i.Queue == queue).OrderByDescending(i => i.Number).Select(i => i.OwnerId).FirstOrDefault()
        ?? await db.FeedbackItems.Where(i => i.Queue == queue).OrderByDescending(i => i.Number).Select(i => i.OwnerId).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<FeedbackItem>> OpenLikeAsync(FeedbackKind kind, string topic, CancellationToken cancellationToken) =>
        await db.FeedbackItems.Where(i => i.Kind == kind && i.Topic == topic && !Closed.Contains(i.Status))
            .OrderByDescending(i => i.Number).Take(200).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<FeedbackRequester>> RequestersAsync(long number, CancellationToken cancellationToken)
    {
        var stored = await db.FeedbackRequesters.Where(r => r.ItemNumber == number).ToListAsync(cancellationToken);
        var pending = db.FeedbackRequesters.Local.Where(r => r.ItemNumber == number && !stored.Contains(r));
        return [.. stored.Concat(pending).OrderBy(r => r.At).Select(ToRequester)];
    }

    public void AddRequester(FeedbackRequester requester) => db.FeedbackRequesters.Add(Apply(new FeedbackRequesterRecord(), requester));

    public void UpdateRequester(FeedbackRequester requester)
    {
        var record = db.FeedbackRequesters.Local.SingleOrDefault(r => r.ItemNumber == requester.ItemNumber && r.RequesterId == requester.RequesterId)
            ?? db.FeedbackRequesters.Attach(new FeedbackRequesterRecord { ItemNumber = requester.ItemNumber, RequesterId = requester.RequesterId }).Entity;
        Apply(record, requester);
    }

    public void Record(FeedbackEntry entry) => db.FeedbackHistory.Add(new FeedbackEntryRecord
    {
        ItemNumber = entry.ItemNumber,
        At = entry.At,
        ActorId = entry.ActorId,
        ActorName = entry.ActorName,
        Action = entry.Action,
        Detail = entry.Detail is { Length: > FeedbackActions.MaxText } detail ? detail[..FeedbackActions.MaxText] : entry.Detail,
    });

    private static FeedbackRequesterRecord Apply(FeedbackRequesterRecord record, FeedbackRequester r)
    {
        record.ItemNumber = r.ItemNumber;
        record.RequesterId = r.RequesterId;
        record.Name = r.Name;
        record.Platform = r.Chat.Platform;
        record.TenantId = r.Chat.TenantId;
        record.ConversationId = r.Chat.ConversationId;
        record.ConversationKind = r.Chat.Kind;
        record.ServiceUrl = r.Chat.ServiceUrl;
        record.CardActivityId = r.CardActivityId;
        record.TimeZone = r.TimeZone;
        record.Amount = r.Amount;
        record.At = r.At;
        record.Helpful = r.Helpful;
        record.Comment = r.Comment;
        return record;
    }

    private static FeedbackRequester ToRequester(FeedbackRequesterRecord r) =>
        new(r.ItemNumber, r.RequesterId, r.Name, new ConversationRef(r.Platform, r.TenantId, r.ConversationId, r.ConversationKind, r.ServiceUrl),
            r.CardActivityId, r.TimeZone, r.Amount, r.At, r.Helpful, r.Comment);

    public async Task<IReadOnlyList<FeedbackEntry>> HistoryAsync(long number, CancellationToken cancellationToken)
    {
        var stored = await db.FeedbackHistory.AsNoTracking().Where(h => h.ItemNumber == number).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return [.. stored.Select(h => new FeedbackEntry(h.ItemNumber, h.At, h.ActorId, h.ActorName, h.Action, h.Detail))];
    }
}
