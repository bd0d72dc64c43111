using AlignBot.Channels.Teams.Activities;

namespace AlignBot.Channels.Teams.Connector;

/// <summary>The body of POST /v3/conversations: a 1:1 conversation with one member, in one tenant.</summary>
internal sealed record ConversationParameters(
    bool IsGroup,
    ChannelAccount? Bot,
    IReadOnlyList<ChannelAccount> Members,
    string TenantId,
    ConversationChannelData ChannelData);
