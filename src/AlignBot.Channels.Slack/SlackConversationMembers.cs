using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Channels.Slack;

/// <summary>
/// The people in a Slack channel: <c>conversations.members</c> (every page) for the ids, then <c>users.info</c> for each
/// name and time zone; bots (AlignBot itself among them) and deactivated accounts are left out. A person whose profile cannot be read
/// is listed by id alone.
/// </summary>
internal sealed class SlackConversationMembers(SlackWebApiClient api) : IConversationMembers
{
    public async Task<IReadOnlyList<UserRef>> ListAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        if (conversation.Platform != Platform.Slack)
        {
            return [];
        }

        var members = await api.ListMembersAsync(conversation.TenantId, conversation.ConversationId, cancellationToken);
        var people = new List<UserRef>();
        foreach (var id in members.Value ?? [])
        {
            var user = await api.UserInfoAsync(conversation.TenantId, id, cancellationToken);
            if (user.Value is { IsBot: true } or { Deleted: true })
            {
                continue;
            }

            people.Add(new UserRef(Platform.Slack, id, DisplayName: user.Value?.Name, TimeZone: user.Value?.TimeZone));
        }

        return people;
    }
}
