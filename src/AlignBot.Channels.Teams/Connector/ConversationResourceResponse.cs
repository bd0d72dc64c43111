namespace AlignBot.Channels.Teams.Connector;

/// <summary>The Connector's answer to creating a conversation.</summary>
internal sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
