using AlignBot.Channels.Teams.Connector;
using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Teams;

/// <summary>
/// Teams announces a personal install with the user's id only, no name. So that the welcome can greet the person by
/// name (and their account's email can link them to Slack), the installer is looked up once in the conversation's
/// member list; if that fails or takes too long, the event goes on unchanged.
/// </summary>
internal sealed class InstallEnricher(BotConnectorClient connector)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public async Task<ChatEvent> EnrichAsync(ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        if (chatEvent is not BotInstalled { From: { DisplayName: null } installer, Conversation: { Kind: ConversationKind.Personal, ServiceUrl: { } serviceUrl } conversation })
        {
            return chatEvent;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        try
        {
            var member = await connector.GetMemberAsync(serviceUrl, conversation.ConversationId, installer.UserId, budget.Token);
            return member is { IsSuccess: true, Body.Name: { Length: > 0 } name }
                ? chatEvent with { From = installer with { DisplayName = name, AadObjectId = installer.AadObjectId ?? member.Body.AadObjectId, Email = member.Body.Email ?? member.Body.UserPrincipalName } }
                : chatEvent;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            return chatEvent;
        }
    }
}
