namespace AlignBot.Core.Conversations;

/// <summary>The bot was added to a conversation (a personal chat, a group chat or a team).</summary>
public sealed record BotInstalled : ChatEvent;
