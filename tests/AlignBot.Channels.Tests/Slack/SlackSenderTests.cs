using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;
using AlignBot.Tests.Shared.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Moq;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>Slack's Web API answers classified the way the outbox dispatcher needs them, and each operation's method.</summary>
public sealed class SlackSenderTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, true, null, typeof(SendResult.Sent))]
    [InlineData(HttpStatusCode.TooManyRequests, false, "ratelimited", typeof(SendResult.Throttled))]
    [InlineData(HttpStatusCode.OK, false, "ratelimited", typeof(SendResult.Throttled))]
    [InlineData(HttpStatusCode.OK, false, "channel_not_found", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "not_in_channel", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "is_archived", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "user_not_found", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "account_inactive", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "invalid_auth", typeof(SendResult.Held))]
    [InlineData(HttpStatusCode.OK, false, "token_revoked", typeof(SendResult.Held))]
    [InlineData(HttpStatusCode.OK, false, "not_authed", typeof(SendResult.Held))]
    [InlineData(HttpStatusCode.OK, false, "invalid_arguments", typeof(SendResult.Failed))]
    public void Classify_SlackAnswers_MapToWhatTheDispatcherNeeds(HttpStatusCode status, bool ok, string? error, Type expected)
    {
        var result = SlackSender.Classify(new SlackApiResponse(status, ok, error, ok ? "1.2" : null, null, TimeSpan.FromSeconds(3)));

        Assert.IsType(expected, result);
        if (result is SendResult.Failed failed)
        {
            Assert.False(failed.Retryable);
        }

        if (result is SendResult.Throttled throttled)
        {
            Assert.Equal(TimeSpan.FromSeconds(3), throttled.RetryAfter);
        }
    }

    [Fact]
    public async Task SendAsync_UpdateDeleteEphemeral_TheirMethodsOnTheRightMessage()
    {
        var calls = new ConcurrentQueue<(string Method, JsonNode? Body)>();
        await using var app = LoopbackServer.Create();
        app.MapPost("/api/{method}", async (HttpContext http, string method) =>
        {
            calls.Enqueue((method, await JsonNode.ParseAsync(http.Request.Body)));
            return Results.Json(new { ok = true, channel = "D1", ts = "1.2" });
        });
        var baseUrl = await LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var sender = new SlackSender(new SlackWebApiClient(http, new Uri(baseUrl + "/api/"), Mock.Of<ISlackTokens>(t => t.BotTokenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()) == ValueTask.FromResult<string?>("xoxb-1"))), Mock.Of<ISendPacer>());
        var dm = new ConversationRef(Platform.Slack, "T1", "D1", ConversationKind.Personal, null);
        var token = TestContext.Current.CancellationToken;

        var updated = await sender.SendAsync(OutboundMessage.UpdateActivity(dm, "1.2", MessageContent.FromText("Done")), "1.2", token);
        var deleted = await sender.SendAsync(OutboundMessage.DeleteActivity(dm, "1.2"), "1.2", token);
        var ephemeral = await sender.SendAsync(OutboundMessage.Ephemeral(dm, new UserRef(Platform.Slack, "W1"), MessageContent.FromText("Only you")), null, token);
        var neverSent = await sender.SendAsync(OutboundMessage.UpdateSent(dm, "key-never-sent", MessageContent.FromText("x")), null, token);

        Assert.All([updated, deleted, ephemeral], r => Assert.IsType<SendResult.Sent>(r));
        Assert.False(Assert.IsType<SendResult.Failed>(neverSent).Retryable);
        var (update, delete, post) = (calls.ElementAt(0), calls.ElementAt(1), calls.ElementAt(2));
        Assert.Equal(3, calls.Count);
        Assert.Equal(("chat.update", "D1", "1.2", "Done"), (update.Method, (string?)update.Body?["channel"], (string?)update.Body?["ts"], (string?)update.Body?["text"]));
        Assert.Empty(update.Body!["blocks"]!.AsArray()); // a text update clears the old card
        Assert.Equal(("chat.delete", "1.2"), (delete.Method, (string?)delete.Body?["ts"]));
        Assert.Equal(("chat.postEphemeral", "W1", "Only you"), (post.Method, (string?)post.Body?["user"], (string?)post.Body?["text"]));
    }
}
