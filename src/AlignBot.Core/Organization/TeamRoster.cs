using AlignBot.Core.Conversations;

namespace AlignBot.Core.Organization;

/// <summary>A team, its home conversation and its people.</summary>
public sealed record TeamRoster(string TeamId, string Name, TeamKind Kind, ConversationRef? Home, IReadOnlyList<Participant> Members)
{
    public IEnumerable<Participant> Leads => Members.Where(m => m.Role == TeamRole.Lead);

    public Participant? Find(UserRef user) =>
        Members.FirstOrDefault(m => m.User is { } known && known.Platform == user.Platform && known.UserId == user.UserId)
        ?? Members.FirstOrDefault(m => user.AadObjectId is { } aad && string.Equals(m.MemberId, aad, StringComparison.OrdinalIgnoreCase))
        ?? Members.FirstOrDefault(m => string.Equals(m.MemberId, user.UserId, StringComparison.OrdinalIgnoreCase));
}
