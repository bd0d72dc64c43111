namespace AlignBot.Core.Organization;

public static class TeamActions
{
    public const string Save = "team.save";
    public const string NewStandup = "standup.new";
    public const string SaveStandup = "standup.new.save";
}
