namespace AlignBot.Core.Conversations;

/// <summary>People (not the bot) left a conversation the bot is in.</summary>
public sealed record MembersRemoved(IReadOnlyList<UserRef> Members) : ChatEvent;
