using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Host.Conversations;

/// <summary>
/// Lists a conversation's members through its own platform: each channel registers its <see cref="IConversationMembers"/>
/// keyed by <see cref="Platform"/>. A platform with none configured has an empty roster.
/// </summary>
internal sealed class ConversationMembersByPlatform(IServiceProvider services) : IConversationMembers
{
    public Task<IReadOnlyList<UserRef>> ListAsync(ConversationRef conversation, CancellationToken cancellationToken) =>
        services.GetKeyedService<IConversationMembers>(conversation.Platform) is { } members
            ? members.ListAsync(conversation, cancellationToken)
            : Task.FromResult<IReadOnlyList<UserRef>>([]);
}
