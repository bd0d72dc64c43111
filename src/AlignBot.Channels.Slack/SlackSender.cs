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
/// result, so later updates go to it. A card changed in place goes out with <c>chat.update</c>, a person's home with
/// <c>views.publish</c>. Not built yet on Slack: deleting a message (<c>chat.delete</c>).
/// </summary>
internal sealed class SlackSender(SlackWebApiClient api, ISendPacer pacer) : IPlatformSender
{
    /// <summary>How long a held message waits before its workspace's token is looked at again.</summary>
    internal static readonly TimeSpan HeldRecheck = TimeSpan.FromMinutes(1);

    /// <summary>The direct message opened with each person (workspace, user): it never changes, so it is opened once.</summary>
    private readonly ConcurrentDictionary<(string TeamId, string UserId), string> _directMessages = new();

    private static readonly HashSet<string> GoneErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "account_inactive",
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
            var channel = message.To.ConversationId;
            if (recipient is not null)
            {
                var opened = await OpenDirectMessageAsync(message.To.TenantId, recipient.UserId, cancellationToken);
                if (opened.Value is null)
                {
                    return Classify(opened.Response);
                }

                channel = opened.Value;
            }

            var result = Classify(await api.PostMessageAsync(message.To.TenantId, channel, text, blocks, threadTs, cancellationToken));
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
