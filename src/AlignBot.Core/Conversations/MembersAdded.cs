namespace AlignBot.Core.Conversations;

/// <summary>People (not the bot) joined a conversation the bot is in.</summary>
public sealed record MembersAdded(IReadOnlyList<UserRef> Members) : ChatEvent;
