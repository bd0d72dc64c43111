using AlignBot.Core.Conversations;

namespace AlignBot.Core.Routing;

/// <summary>A message that matched a command: the command's name and the rest of the text.</summary>
public sealed record CommandContext(MessageReceived Message, string Command, string Arguments);
