using AlignBot.Core.Conversations;

namespace AlignBot.Data.Outbox;

/// <summary>A due outbox row as the dispatcher works with it.</summary>
internal sealed record OutboxItem(long Id, OutboundMessage Message, int Attempts, string? TargetKey);
