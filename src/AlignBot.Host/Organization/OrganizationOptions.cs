namespace AlignBot.Host.Organization;

/// <summary>
/// The organization as code (<c>AlignBot:Organization</c>): admins, teams with their members, leads, home channel,
/// working time and holidays, and their stand-ups. Applied idempotently at every start; leads change the same
/// things from chat.
/// </summary>
public sealed class OrganizationOptions
{
    public const string Section = "AlignBot:Organization";

    /// <summary>AAD object ids of the people who may configure every team.</summary>
    public List<string> Admins { get; set; } = [];

    public List<TeamOptions> Teams { get; set; } = [];
}
