using AlignBot.Channels.Teams.Activities;

namespace AlignBot.Channels.Teams.Connector;

internal sealed record ConversationChannelData(TeamsIdName Tenant);
