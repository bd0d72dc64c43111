using AlignBot.Core.Organization;

namespace AlignBot.Data.Organization;

/// <summary>A person in a team, named by their AAD object id, with their role there.</summary>
internal sealed class TeamMemberRecord
{
    public long Id { get; set; }

    public string TeamId { get; set; } = "";

    public string MemberId { get; set; } = "";

    public string? DisplayName { get; set; }

    public TeamRole Role { get; set; }

    /// <summary>The member's email from configuration: a person whose platform verifies the same email is this member.</summary>
    public string? Email { get; set; }
}
