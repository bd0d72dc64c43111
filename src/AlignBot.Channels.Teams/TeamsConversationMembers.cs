using AlignBot.Channels.Teams.Connector;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Channels.Teams;

/// <summary>The members of a Teams chat or channel, page by page from the Connector.</summary>
internal sealed class TeamsConversationMembers(BotConnectorClient connector) : IConversationMembers
{
    public async Task<IReadOnlyList<UserRef>> ListAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        if (conversation.Platform != Platform.Teams || conversation.ServiceUrl is null)
        {
            return [];
        }

        var people = new List<UserRef>();
        var id = conversation.Kind == ConversationKind.Channel && conversation.TeamId is { } team ? team : StripThread(conversation.ConversationId);
        await foreach (var member in connector.GetAllMembersAsync(conversation.ServiceUrl, id, cancellationToken))
        {
            if (!member.Id.StartsWith("28:", StringComparison.Ordinal))
            {
                people.Add(new UserRef(Platform.Teams, member.Id, member.AadObjectId, member.Name, member.Email ?? member.UserPrincipalName));
            }
        }

        return people;
    }

    private static string StripThread(string conversationId)
    {
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }
}
