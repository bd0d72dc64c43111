using AlignBot.Core.Conversations;

namespace AlignBot.Core.Organization;

/// <summary>The people in a chat or channel, as the platform lists them (used to set a team up from its channel).</summary>
public interface IConversationMembers
{
    Task<IReadOnlyList<UserRef>> ListAsync(ConversationRef conversation, CancellationToken cancellationToken);
}
