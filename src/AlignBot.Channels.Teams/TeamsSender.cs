using System.Net;
using AlignBot.Channels.Teams.Activities;
using AlignBot.Channels.Teams.Connector;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace AlignBot.Channels.Teams;

/// <summary>
/// Delivers outbox messages to Teams through the Bot Connector, one attempt each, and classifies the result
/// the way the dispatcher needs: sent (with the message id), throttled (429, 412, 502, 504: retry after the
/// service's Retry-After or a backoff), recipient gone (403, 404: never retried), or failed.
/// </summary>
internal sealed class TeamsSender(BotConnectorClient connector, IOptions<BotFrameworkOptions> options, ISendPacer pacer) : IPlatformSender
{
    public Platform Platform => Platform.Teams;

    public async Task<SendResult> SendAsync(OutboundMessage message, string? targetActivityId, CancellationToken cancellationToken)
    {
        var to = message.To;
        if (string.IsNullOrWhiteSpace(to.ServiceUrl))
        {
            return new SendResult.RecipientGone("The conversation has no service URL: the bot has never heard from it.");
        }

        try
        {
            await pacer.WaitTurnAsync(message, cancellationToken);
            return message.Operation switch
            {
                OutboundOperation.Send => Classify(await connector.SendToConversationAsync(to.ServiceUrl, to.ConversationId, Render(message), cancellationToken)),
                OutboundOperation.Reply when (message.ReplyToActivityId ?? targetActivityId) is { } parent =>
                    Classify(await connector.ReplyToActivityAsync(to.ServiceUrl, to.ConversationId, parent, Render(message, parent), cancellationToken)),
                OutboundOperation.Reply => new SendResult.Failed("No message to reply to: the parent was never sent.", Retryable: false),
                OutboundOperation.Update when targetActivityId is not null =>
                    Classify(await connector.UpdateActivityAsync(to.ServiceUrl, to.ConversationId, targetActivityId, Render(message), cancellationToken), targetActivityId),
                OutboundOperation.Delete when targetActivityId is not null =>
                    Classify(await connector.DeleteActivityAsync(to.ServiceUrl, to.ConversationId, targetActivityId, cancellationToken), targetActivityId),
                OutboundOperation.Update or OutboundOperation.Delete => new SendResult.Failed("No message to change: the target was never sent.", Retryable: false),
                OutboundOperation.SendToUser => await SendToUserAsync(message, cancellationToken),
                _ => new SendResult.Failed($"Unknown operation {message.Operation}.", Retryable: false),
            };
        }
        catch (HttpRequestException ex)
        {
            return new SendResult.Failed($"The connector could not be reached: {ex.Message}", Retryable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult.Failed("The connector did not answer in time.", Retryable: true);
        }
    }

    private async Task<SendResult> SendToUserAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var recipient = message.Recipient ?? throw new InvalidOperationException("A proactive 1:1 message needs a recipient.");
        var to = message.To;
        var parameters = new ConversationParameters(
            IsGroup: false,
            Bot: options.Value.IsAnonymous ? null : new ChannelAccount("28:" + options.Value.MicrosoftAppId),
            Members: [new ChannelAccount(recipient.UserId)],
            TenantId: to.TenantId,
            ChannelData: new ConversationChannelData(new TeamsIdName(to.TenantId)));
        var created = await connector.CreateConversationAsync(to.ServiceUrl!, parameters, cancellationToken);
        if (!created.IsSuccess || string.IsNullOrEmpty(created.Body?.Id))
        {
            return Classify(new ConnectorResponse<ResourceResponse>(created.StatusCode, null, created.RetryAfter, created.Error ?? "No conversation id returned."));
        }

        await pacer.WaitTurnAsync(message, cancellationToken);
        var sent = Classify(await connector.SendToConversationAsync(to.ServiceUrl!, created.Body.Id, Render(message), cancellationToken));
        return sent is SendResult.Sent ok ? ok with { ConversationId = created.Body.Id } : sent;
    }

    /// <summary>The activity Teams receives: text, and the card as an Adaptive Card attachment.</summary>
    internal static Activity Render(OutboundMessage message, string? replyToId = null)
    {
        var content = message.Content ?? MessageContent.FromText("");
        return new Activity
        {
            Type = "message",
            Text = content.Card is null ? content.Text : null,
            Summary = content.Card is not null ? content.Text : null,
            Attachments = content.Card is null ? null : [new Attachment(AdaptiveCard.ContentType, content.Card)],
            ReplyToId = message.Operation == OutboundOperation.Reply ? replyToId ?? message.ReplyToActivityId : null,
        };
    }

    internal static SendResult Classify(ConnectorResponse<ResourceResponse> response, string? knownActivityId = null) =>
        response.StatusCode switch
        {
            _ when response.IsSuccess => new SendResult.Sent(response.Body?.Id ?? knownActivityId),
            HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout =>
                new SendResult.Throttled(response.RetryAfter, (int)response.StatusCode),
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound =>
                new SendResult.RecipientGone($"{(int)response.StatusCode}: {response.Error}"),
            HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable =>
                new SendResult.Failed($"{(int)response.StatusCode}: {response.Error}", Retryable: true),
            _ => new SendResult.Failed($"{(int)response.StatusCode}: {response.Error}", Retryable: false),
        };
}
