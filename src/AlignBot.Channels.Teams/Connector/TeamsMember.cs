namespace AlignBot.Channels.Teams.Connector;

/// <summary>A conversation member as the Connector lists it.</summary>
internal sealed record TeamsMember(string Id, string? Name)
{
    public string? AadObjectId { get; init; }

    public string? Email { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? TenantId { get; init; }
}
