using AlignBot.Core.Conversations;

namespace AlignBot.Core.Organization;

/// <summary>A team as a lead sets it up from its channel: who is in it, who leads it, its zone and home.</summary>
public sealed record TeamSetup(string TeamId, string Name, TeamKind Kind, string TimeZone, ConversationRef Home, IReadOnlyList<(UserRef User, TeamRole Role)> Members);
