using AlignBot.Core.Conversations;

namespace AlignBot.Core.Organization;

/// <summary>Teams, roles and people's own settings, as features need them.</summary>
public interface IOrganization
{
    /// <summary>Admins come from configuration (AAD object ids).</summary>
    bool IsAdmin(UserRef user);

    /// <summary>The teams the person belongs to, with each team's roster.</summary>
    Task<IReadOnlyList<TeamRoster>> TeamsOfAsync(UserRef user, CancellationToken cancellationToken);

    /// <summary>Every team with its roster.</summary>
    Task<IReadOnlyList<TeamRoster>> AllTeamsAsync(CancellationToken cancellationToken);

    /// <summary>The team whose home is this conversation, if any.</summary>
    Task<TeamRoster?> TeamOfConversationAsync(ConversationRef conversation, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a team set up from chat (joins the caller's unit of work).</summary>
    Task SaveTeamAsync(TeamSetup team, CancellationToken cancellationToken);

    Task SetTimeZoneAsync(UserRef user, string ianaTimeZone, CancellationToken cancellationToken);

    /// <summary>Out of office until the end of <paramref name="until"/> (null: back now).</summary>
    Task SetOutOfOfficeAsync(UserRef user, DateOnly? until, CancellationToken cancellationToken);
}
