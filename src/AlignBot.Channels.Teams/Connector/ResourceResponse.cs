namespace AlignBot.Channels.Teams.Connector;

/// <summary>The Connector's answer to a send or reply: the new activity's id.</summary>
internal sealed record ResourceResponse(string? Id);
