using System.Collections.Concurrent;
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
/// person gone → recipient gone; a bad or revoked token → held (the workspace's messages wait for a new token); a 5xx
/// or a network failure → failed, retryable. A proactive 1:1 opens the direct message with the person
/// (<c>conversations.open</c>, remembered afterwards) and posts there; the direct message's id comes back with the
/// result, so later updates go to it. An update replaces the message in place (<c>chat.update</c>: a card refreshed
/// after a button press, like Teams' update), a delete removes it (<c>chat.delete</c>), an ephemeral message is shown
/// only to its recipient (<c>chat.postEphemeral</c>), and a person's App Home is published with <c>views.publish</c>.
/// </summary>
internal sealed class SlackSender(SlackWebApiClient api, ISendPacer pacer) : IPlatformSender
{
    /// <summary>How long a held message waits before its workspace's token is looked at again.</summary>
    internal static readonly TimeSpan HeldRecheck = TimeSpan.FromMinutes(1);

    /// <summary>The direct message opened with each person (workspace, user): it never changes, so it is opened once.</summary>
    private readonly ConcurrentDictionary<(string TeamId, string UserId), string> _directMessages = new();

    private static readonly HashSet<string> GoneErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive", "message_not_found", "user_not_in_channel",
    };

    public Platform Platform => Platform.Slack;

    public async Task<SendResult> SendAsync(OutboundMessage message, string? targetActivityId, CancellationToken cancellationToken)
    {
        string? threadTs = null;
        UserRef? recipient = null;
        switch (message.Operation)
        {
            case OutboundOperation.Send:
                break;
            case OutboundOperation.SendToUser when message.Recipient is { } person:
                recipient = person;
                break;
            case OutboundOperation.SendToUser:
                return new SendResult.Failed("A proactive 1:1 message needs a recipient.", Retryable: false);
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
            case OutboundOperation.PublishHome when message.Recipient is null:
                return new SendResult.Failed("A home is published for a person: the row names none.", Retryable: false);
            case OutboundOperation.PublishHome:
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
            switch (message.Operation)
            {
                case OutboundOperation.Update:
                    return Classify(await api.UpdateMessageAsync(team, channel, targetActivityId!, text, blocks, cancellationToken));
                case OutboundOperation.Delete:
                    return Classify(await api.DeleteMessageAsync(team, channel, targetActivityId!, cancellationToken));
                case OutboundOperation.Ephemeral:
                    return Classify(await api.PostEphemeralAsync(team, channel, message.Recipient!.UserId, text, blocks, cancellationToken));
                case OutboundOperation.PublishHome:
                    var home = new JsonObject { ["type"] = "home", ["blocks"] = blocks ?? [] };
                    var published = await api.PublishViewAsync(team, message.Recipient!.UserId, home, cancellationToken);
                    return published.Ok ? new SendResult.Sent(null) : Classify(published);
            }

            if (recipient is not null)
            {
                var opened = await OpenDirectMessageAsync(team, recipient.UserId, cancellationToken);
                if (opened.Value is null)
                {
                    return Classify(opened.Response);
                }

                channel = opened.Value;
            }

            var result = Classify(await api.PostMessageAsync(team, channel, text, blocks, threadTs, cancellationToken));
            return result is SendResult.Sent sent && recipient is not null ? sent with { ConversationId = channel } : result;
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

    private async Task<SlackResult<string>> OpenDirectMessageAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        if (_directMessages.TryGetValue((teamId, userId), out var known))
        {
            return new SlackResult<string>(new SlackApiResponse(HttpStatusCode.OK, true, null, null, known, null), known);
        }

        var opened = await api.OpenDirectMessageAsync(teamId, userId, cancellationToken);
        if (opened.Value is { } channel)
        {
            _directMessages[(teamId, userId)] = channel;
        }

        return opened;
    }

    internal static SendResult Classify(SlackApiResponse response) =>
        response switch
        {
            { Ok: true } => new SendResult.Sent(response.Ts, response.Channel),
            { StatusCode: HttpStatusCode.TooManyRequests } or { Error: "ratelimited" } =>
                new SendResult.Throttled(response.RetryAfter, (int)HttpStatusCode.TooManyRequests),
            { Error: { } gone } when GoneErrors.Contains(gone) => new SendResult.RecipientGone(gone),
            { Error: { } auth } when SlackWorkspaceAuth.IsAuthError(auth) => new SendResult.Held($"Slack refused the workspace's bot token ({auth})", HeldRecheck),
            _ when (int)response.StatusCode >= 500 => new SendResult.Failed($"{(int)response.StatusCode}: {response.Error}", Retryable: true),
            _ => new SendResult.Failed($"{(int)response.StatusCode}: {response.Error ?? "unknown error"}", Retryable: false),
        };
}
