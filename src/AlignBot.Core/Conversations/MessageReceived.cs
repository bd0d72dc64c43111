namespace AlignBot.Core.Conversations;

/// <summary>A person wrote to the bot. <see cref="Text"/> has the bot's @mention removed and is trimmed.</summary>
public sealed record MessageReceived(string Text) : ChatEvent;
