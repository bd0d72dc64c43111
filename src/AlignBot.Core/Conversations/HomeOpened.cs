namespace AlignBot.Core.Conversations;

/// <summary>
/// A person opened AlignBot's home (Slack's App Home tab): it shows what is theirs now. <see cref="ChatEvent.Conversation"/>
/// is their 1:1 chat with the bot.
/// </summary>
public sealed record HomeOpened : ChatEvent;
