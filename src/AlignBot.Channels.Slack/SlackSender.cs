using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Api;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Slack;

/// <summary>
/// Delivers outbox messages to Slack with <c>chat.postMessage</c>, one attempt each, the card as Block Kit and the
/// text (or the card's fallback) as the notification text. A reply goes into the thread of the message it answers
/// (<c>thread_ts</c>), except in a direct message, where the answer reads best as the next message. Results are
/// classified for the dispatcher: rate limited (429 or <c>ratelimited</c>) → throttled with Retry-After; the channel or
/// person gone → recipient gone; a bad or revoked token → failed for good; a 5xx or a network failure → failed, retryable.
/// A card changed in place goes out with <c>chat.update</c>, a person's home with <c>views.publish</c>. Not built yet on
/// Slack: deleting a message (<c>chat.delete</c>) and a proactive 1:1 (<c>conversations.open</c>).
/// </summary>
internal sealed class SlackSender(SlackWebApiClient api, ISendPacer pacer) : IPlatformSender
{
    private static readonly HashSet<string> GoneErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive",
    };

    private static readonly HashSet<string> AuthErrors = new(StringComparer.Ordinal) { "invalid_auth", "token_revoked", "not_authed", "token_expired" };

    public Platform Platform => Platform.Slack;

    public async Task<SendResult> SendAsync(OutboundMessage message, string? targetActivityId, CancellationToken cancellationToken)
    {
        string? threadTs = null;
        switch (message.Operation)
        {
            case OutboundOperation.Send:
                break;
            case OutboundOperation.Reply when (message.ReplyToActivityId ?? targetActivityId) is { } parent:
                threadTs = message.To.Kind == ConversationKind.Personal ? null : parent;
                break;
            case OutboundOperation.Reply:
                return new SendResult.Failed("No message to reply to: the parent was never sent.", Retryable: false);
            case OutboundOperation.Update when targetActivityId is null:
                return new SendResult.Failed("No message to change: the target was never sent.", Retryable: false);
            case OutboundOperation.Update or OutboundOperation.PublishHome:
                return await ChangeAsync(message, targetActivityId, cancellationToken);
            default:
                return new SendResult.Failed($"{message.Operation} is not built yet on Slack.", Retryable: false);
        }

        var content = message.Content ?? MessageContent.FromText("");
        var blocks = content.Card is null ? null : BlockKitRenderer.Render(content.Card);
        var text = content.Text ?? content.Card?.FallbackText ?? "";
        try
        {
            await pacer.WaitTurnAsync(message, cancellationToken);
            return Classify(await api.PostMessageAsync(message.To.TenantId, message.To.ConversationId, text, blocks, threadTs, cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            return new SendResult.Failed($"Slack could not be reached: {ex.Message}", Retryable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult.Failed("Slack did not answer in time.", Retryable: true);
        }
    }

    /// <summary>
    /// A card changed in place (<c>chat.update</c> of the message's <c>ts</c>), or a person's App Home published
    /// (<c>views.publish</c> of a <c>home</c> view with the card's blocks).
    /// </summary>
    private async Task<SendResult> ChangeAsync(OutboundMessage message, string? targetTs, CancellationToken cancellationToken)
    {
        var content = message.Content ?? MessageContent.FromText("");
        var blocks = content.Card is null ? new JsonArray() : BlockKitRenderer.Render(content.Card);
        JsonObject body;
        string method;
        if (message.Operation == OutboundOperation.PublishHome)
        {
            if (message.Recipient is not { } recipient)
            {
                return new SendResult.Failed("A home is published for a person: the row names none.", Retryable: false);
            }

            method = "views.publish";
            body = new JsonObject { ["user_id"] = recipient.UserId, ["view"] = new JsonObject { ["type"] = "home", ["blocks"] = blocks } };
        }
        else
        {
            method = "chat.update";
            body = new JsonObject { ["channel"] = message.To.ConversationId, ["ts"] = targetTs, ["text"] = content.Text ?? content.Card?.FallbackText ?? "", ["blocks"] = blocks };
        }

        try
        {
            await pacer.WaitTurnAsync(message, cancellationToken);
            var response = await api.CallAsync(message.To.TenantId, method, body, cancellationToken);
            return response.Ok ? new SendResult.Sent(response.Ts ?? targetTs, response.Channel ?? message.To.ConversationId) : Classify(response);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult.Failed($"Slack could not be reached: {ex.Message}", Retryable: true);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult.Failed("Slack did not answer in time.", Retryable: true);
        }
    }

    internal static SendResult Classify(SlackApiResponse response) =>
        response switch
        {
            { Ok: true } => new SendResult.Sent(response.Ts, response.Channel),
            { StatusCode: HttpStatusCode.TooManyRequests } or { Error: "ratelimited" } =>
                new SendResult.Throttled(response.RetryAfter, (int)HttpStatusCode.TooManyRequests),
            { Error: { } gone } when GoneErrors.Contains(gone) => new SendResult.RecipientGone(gone),
            { Error: { } auth } when AuthErrors.Contains(auth) => new SendResult.Failed(auth, Retryable: false),
            _ when (int)response.StatusCode >= 500 => new SendResult.Failed($"{(int)response.StatusCode}: {response.Error}", Retryable: true),
            _ => new SendResult.Failed($"{(int)response.StatusCode}: {response.Error ?? "unknown error"}", Retryable: false),
        };
}
