namespace AlignBot.Core.Conversations;

/// <summary>The bot was removed from a conversation; its stored reference must go.</summary>
public sealed record BotUninstalled : ChatEvent;
