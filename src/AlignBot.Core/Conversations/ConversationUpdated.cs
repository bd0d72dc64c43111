namespace AlignBot.Core.Conversations;

/// <summary>
/// Something about a conversation changed that needs no answer (the app was installed alongside a
/// member-added event, a team was renamed, a channel created): the stored references are refreshed.
/// </summary>
public sealed record ConversationUpdated(string What) : ChatEvent;
