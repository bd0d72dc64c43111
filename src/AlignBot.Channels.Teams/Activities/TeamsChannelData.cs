namespace AlignBot.Channels.Teams.Activities;

internal sealed record TeamsChannelData
{
    public TeamsIdName? Tenant { get; init; }

    public TeamsIdName? Team { get; init; }

    public TeamsIdName? Channel { get; init; }

    public string? EventType { get; init; }

    public TeamsSettings? Settings { get; init; }
}
