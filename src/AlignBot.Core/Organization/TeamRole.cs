namespace AlignBot.Core.Organization;

/// <summary>What a person may do in a team: leads configure the team's features, members take part.</summary>
public enum TeamRole
{
    Member = 0,
    Lead = 1,
}
