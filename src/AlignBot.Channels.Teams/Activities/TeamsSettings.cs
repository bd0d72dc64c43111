namespace AlignBot.Channels.Teams.Activities;

internal sealed record TeamsSettings(TeamsIdName? SelectedChannel);
