namespace AlignBot.Channels.Teams.Activities;

internal sealed record TeamsIdName(string? Id, string? Name = null);
