namespace AlignBot.Core.Feedback;

/// <summary>What the feedback feature needs from storage. Items it returns are tracked: changes join the caller's unit of work.</summary>
public interface IFeedbackStore
{
    /// <summary>The next item number (1, 2, 3… per installation).</summary>
    Task<long> NextNumberAsync(CancellationToken cancellationToken);

    void Add(FeedbackItem item);

    Task<FeedbackItem?> FindAsync(long number, CancellationToken cancellationToken);

    /// <summary>Open items whose next SLA check has come.</summary>
    Task<IReadOnlyList<FeedbackItem>> DueForCheckAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Items not resolved or declined, optionally only one owner's.</summary>
    Task<IReadOnlyList<FeedbackItem>> OpenAsync(string? ownerId, CancellationToken cancellationToken);

    /// <summary>A seller's items, newest first.</summary>
    Task<IReadOnlyList<FeedbackItem>> OfSellerAsync(string sellerId, int limit, CancellationToken cancellationToken);

    /// <summary>Open items per owner, for the least-open queue strategy.</summary>
    Task<IReadOnlyDictionary<string, int>> OpenCountsAsync(IReadOnlyCollection<string> ownerIds, CancellationToken cancellationToken);

    /// <summary>Who got the queue's most recent item, for round-robin.</summary>
    Task<string?> LastAssigneeAsync(string queue, CancellationToken cancellationToken);

    /// <summary>Open items of one kind and topic, for finding duplicates.</summary>
    Task<IReadOnlyList<FeedbackItem>> OpenLikeAsync(FeedbackKind kind, string topic, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackRequester>> RequestersAsync(long number, CancellationToken cancellationToken);

    void AddRequester(FeedbackRequester requester);

    void UpdateRequester(FeedbackRequester requester);

    void Record(FeedbackEntry entry);

    Task<IReadOnlyList<FeedbackEntry>> HistoryAsync(long number, CancellationToken cancellationToken);
}
