namespace AlignBot.Core.Availability;

/// <summary>What one mailbox sync run did: people changed, unchanged, without a mailbox, refused, failed, left for the next run.</summary>
public sealed record MailboxSyncResult(int Updated, int Unchanged, int NoMailbox, int Forbidden, int Failed, int Deferred);
