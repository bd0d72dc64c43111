namespace AlignBot.Core.Conversations;

/// <summary>Where a conversation lives: a 1:1 chat with the bot, a group chat or a team channel.</summary>
public enum ConversationKind
{
    Personal = 1,
    GroupChat = 2,
    Channel = 3,
}
