using System.Net;
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
/// An update replaces the message in place (<c>chat.update</c>: a card refreshed after a button press, like Teams'
/// update), a delete removes it (<c>chat.delete</c>), and an ephemeral message is shown only to its recipient
/// (<c>chat.postEphemeral</c>). Not built yet on Slack: a proactive 1:1 (<c>conversations.open</c>).
/// </summary>
internal sealed class SlackSender(SlackWebApiClient api, ISendPacer pacer) : IPlatformSender
{
    private static readonly HashSet<string> GoneErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive", "message_not_found", "user_not_in_channel",
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
            case OutboundOperation.Update or OutboundOperation.Delete when targetActivityId is null:
                return new SendResult.Failed("No message to change: the target was never sent.", Retryable: false);
            case OutboundOperation.Update or OutboundOperation.Delete:
                break;
            case OutboundOperation.Ephemeral when message.Recipient is null:
                return new SendResult.Failed("An ephemeral message needs its recipient.", Retryable: false);
            case OutboundOperation.Ephemeral:
                break;
            default:
                return new SendResult.Failed($"{message.Operation} is not built yet on Slack.", Retryable: false);
        }

        var content = message.Content ?? MessageContent.FromText("");
        var blocks = content.Card is null ? null : BlockKitRenderer.Render(content.Card);
        var text = content.Text ?? content.Card?.FallbackText ?? "";
        var (team, channel) = (message.To.TenantId, message.To.ConversationId);
        try
        {
            await pacer.WaitTurnAsync(message, cancellationToken);
            return message.Operation switch
            {
                OutboundOperation.Update => Classify(await api.UpdateMessageAsync(team, channel, targetActivityId!, text, blocks, cancellationToken)),
                OutboundOperation.Delete => Classify(await api.DeleteMessageAsync(team, channel, targetActivityId!, cancellationToken)),
                OutboundOperation.Ephemeral => Classify(await api.PostEphemeralAsync(team, channel, message.Recipient!.UserId, text, blocks, cancellationToken)),
                _ => Classify(await api.PostMessageAsync(team, channel, text, blocks, threadTs, cancellationToken)),
            };
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
