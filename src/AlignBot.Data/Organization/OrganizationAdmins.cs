namespace AlignBot.Data.Organization;

/// <summary>The AAD object ids configuration names as admins.</summary>
public sealed record OrganizationAdmins(IReadOnlySet<string> AadObjectIds);
