using AlignBot.Core.Conversations;

namespace AlignBot.Core.People;

/// <summary>
/// One member, several platforms: which platform identities are which organization member, and where each member
/// wants AlignBot to reach them. Works in the caller's unit of work.
/// </summary>
public interface IPeopleLinks
{
    /// <summary>
    /// Links a platform identity to the member named by <paramref name="member"/> (their AAD object id, or the email
    /// configuration or their Teams account gives them). Null when no member goes by that id or email.
    /// </summary>
    Task<LinkedMember?> LinkAsync(Platform platform, string userId, string member, UserRef admin, CancellationToken cancellationToken);

    /// <summary>Removes the link; the identity is not linked again by email on its own. Null when it was not linked.</summary>
    Task<LinkedMember?> UnlinkAsync(Platform platform, string userId, CancellationToken cancellationToken);

    /// <summary>The member a platform identity is linked to, if any.</summary>
    Task<LinkedMember?> LinkOfAsync(Platform platform, string userId, CancellationToken cancellationToken);

    /// <summary>Sets where AlignBot reaches the person (on every platform identity of their member).</summary>
    Task SetReachOnAsync(UserRef user, Platform platform, CancellationToken cancellationToken);
}
