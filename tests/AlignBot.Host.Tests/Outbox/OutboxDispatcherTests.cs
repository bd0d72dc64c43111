using System.Net;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Data.Outbox;
using AlignBot.Host.Outbox;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Outbox;

/// <summary>The dispatcher against a real connector on loopback that answers what each test queues.</summary>
public sealed class OutboxDispatcherTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispatch_Throttled429_RetriesAfterRetryAfterAndRecordsActivityId()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        bot.Connector.FailNext(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3));

        await EnqueueAsync(bot, Send(bot, "hello", key: "k-429"));
        await bot.Connector.WaitForRequestsAsync(1, Token);
        var pending = await WaitForStatusAsync(bot, "k-429", OutboxStatus.Pending);
        Assert.Equal(AlignBotFactory.DefaultStart.AddSeconds(3), pending.NextAttemptAt);
        bot.Advance(TimeSpan.FromSeconds(3));

        var requests = await bot.Connector.WaitForRequestsAsync(2, Token);
        var sent = await WaitForStatusAsync(bot, "k-429", OutboxStatus.Sent);
        Assert.Equal(2, requests.Count);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal("activity-1", sent.SentActivityId); // the connector numbers the activities it accepted
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Dispatch_TransientFailure_RetriesWithBackoff(HttpStatusCode status)
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        bot.Connector.FailNext(status);

        await EnqueueAsync(bot, Send(bot, "hello", key: "k-transient"));
        var pending = await WaitForStatusAsync(bot, "k-transient", OutboxStatus.Pending, attempts: 1);
        var wait = pending.NextAttemptAt - AlignBotFactory.DefaultStart;
        Assert.InRange(wait, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2)); // first backoff: 1 s ± 20 %
        bot.Advance(TimeSpan.FromSeconds(2));

        await WaitForStatusAsync(bot, "k-transient", OutboxStatus.Sent);
        Assert.Equal(2, bot.Connector.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Dispatch_RecipientGone_IsNeverRetried(HttpStatusCode status)
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        bot.Connector.FailNext(status);

        await EnqueueAsync(bot, Send(bot, "hello", key: "k-gone"));
        var gone = await WaitForStatusAsync(bot, "k-gone", OutboxStatus.RecipientGone);
        bot.Advance(TimeSpan.FromHours(1));
        await EnqueueAsync(bot, Send(bot, "next", key: "k-after")); // a later row proves the dispatcher went on
        await WaitForStatusAsync(bot, "k-after", OutboxStatus.Sent);

        Assert.Equal(2, bot.Connector.Requests.Count);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), gone.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_BadRequest_FailsWithoutRetry()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        bot.Connector.FailNext(HttpStatusCode.BadRequest);

        await EnqueueAsync(bot, Send(bot, "hello", key: "k-400"));

        var failed = await WaitForStatusAsync(bot, "k-400", OutboxStatus.Failed);
        Assert.Equal(1, failed.Attempts);
    }

    [Fact]
    public async Task Dispatch_StillThrottledAfterMaxAttempts_GivesUp()
    {
        await using var bot = await BotTestContext.StartAsync(Token, new Dictionary<string, string?> { ["AlignBot:Outbox:MaxAttempts"] = "2" });
        bot.Connector.FailNext(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));
        bot.Connector.FailNext(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));

        await EnqueueAsync(bot, Send(bot, "hello", key: "k-max"));
        await WaitForStatusAsync(bot, "k-max", OutboxStatus.Pending, attempts: 1);
        bot.Advance(TimeSpan.FromSeconds(1));

        var failed = await WaitForStatusAsync(bot, "k-max", OutboxStatus.Failed);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal(2, bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task Dispatch_UpdateOfEarlierRow_UsesTheActivityIdItWasSentAs()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var to = Conversation(bot);

        await EnqueueAsync(bot, OutboundMessage.Send(to, Card("first"), key: "card-1"), OutboundMessage.UpdateSent(to, "card-1", Card("second")));

        var requests = await bot.Connector.WaitForRequestsAsync(2, Token);
        Assert.Equal("POST", requests[0].Method);
        Assert.Equal("PUT", requests[1].Method);
        Assert.EndsWith("/activities/activity-1", requests[1].Path, StringComparison.Ordinal);
        Assert.Contains("second", requests[1].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ProactiveMessageToUser_CreatesConversationWithTenantThenSends()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        await EnqueueAsync(bot, OutboundMessage.SendToUser(Conversation(bot), new UserRef(Platform.Teams, "29:ada"), MessageContent.FromText("hi Ada"), key: "dm-1"));

        var requests = await bot.Connector.WaitForRequestsAsync(2, Token);
        Assert.Equal("/teams/v3/conversations", requests[0].Path);
        Assert.Equal("tenant-1", (string?)requests[0].Body!["tenantId"]);
        Assert.Equal("tenant-1", (string?)requests[0].Body!["channelData"]!["tenant"]!["id"]);
        Assert.Equal("29:ada", (string?)requests[0].Body!["members"]![0]!["id"]);
        Assert.Equal("/teams/v3/conversations/a:created-1/activities", requests[1].Path);
        var sent = await WaitForStatusAsync(bot, "dm-1", OutboxStatus.Sent);
        Assert.Equal("a:created-1", sent.SentConversationId);
    }

    [Fact]
    public async Task Dispatch_ManyMessagesToOneConversation_ArriveInOrder()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var to = Conversation(bot);

        await EnqueueAsync(bot, [.. Enumerable.Range(1, 12).Select(i => OutboundMessage.Send(to, MessageContent.FromText($"message {i}")))]);

        var requests = await bot.Connector.WaitForRequestsAsync(12, Token);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"message {i}"), requests.Select(r => (string?)r.Body!["text"]));
    }

    [Fact]
    public async Task Restart_RowClaimedByStoppedDispatcher_IsNotSentAgain_PendingRowIsSentOnce()
    {
        await using var bot = await BotTestContext.StartAsync(Token, new Dictionary<string, string?> { ["AlignBot:Outbox:Enabled"] = "false" });
        await EnqueueAsync(bot, Send(bot, "was in flight", key: "in-flight"), Send(bot, "waiting", key: "waiting"));
        await bot.QueryAsync(db => db.Outbox.Where(o => o.Key == "in-flight").ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Status, OutboxStatus.Sending).SetProperty(o => o.LeaseUntil, AlignBotFactory.DefaultStart.AddMinutes(-1)), Token));

        await bot.RestartWithSettingsAsync(new Dictionary<string, string?>());

        await WaitForStatusAsync(bot, "waiting", OutboxStatus.Sent);
        var inFlight = await WaitForStatusAsync(bot, "in-flight", OutboxStatus.Indeterminate);
        Assert.Contains("not resent", inFlight.LastError, StringComparison.Ordinal);
        var request = Assert.Single(bot.Connector.Requests);
        Assert.Equal("waiting", (string?)request.Body!["text"]);
    }

    [Fact]
    public async Task Enqueue_SameKeyTwice_WritesOneRow()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        await EnqueueAsync(bot, Send(bot, "once", key: "same"), Send(bot, "twice", key: "same"));
        await EnqueueAsync(bot, Send(bot, "thrice", key: "same"));

        Assert.Equal(1, await bot.QueryAsync(db => db.Outbox.CountAsync(Token)));
    }

    private static ConversationRef Conversation(BotTestContext bot) =>
        new(Platform.Teams, "tenant-1", "a:conversation-1", ConversationKind.Personal, bot.Connector.ServiceUrl);

    private static OutboundMessage Send(BotTestContext bot, string text, string? key = null) =>
        OutboundMessage.Send(Conversation(bot), MessageContent.FromText(text), key);

    private static MessageContent Card(string text) => MessageContent.FromCard(new AdaptiveCard { Body = [new TextBlock(text)] });

    /// <summary>Writes rows as a feature would (its own unit of work) and wakes the dispatcher.</summary>
    private static async Task EnqueueAsync(BotTestContext bot, params OutboundMessage[] messages)
    {
        await OutboxWriter.WriteAloneAsync(bot.Factory.Services, messages, Token);
        bot.Factory.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    private static async Task<OutboxRecord> WaitForStatusAsync(BotTestContext bot, string key, OutboxStatus status, int? attempts = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        OutboxRecord? row = null;
        while (!timeout.IsCancellationRequested)
        {
            row = await bot.QueryAsync(db => db.Outbox.AsNoTracking().SingleOrDefaultAsync(o => o.Key == key, Token));
            if (row is not null && row.Status == status && (attempts is null || row.Attempts == attempts))
            {
                return row;
            }

            await Task.Delay(10, Token);
        }

        Assert.Fail($"Outbox row {key} did not reach {status}; it is {row?.Status} after {row?.Attempts} attempts ({row?.LastError}).");
        return row!; // unreachable: Assert.Fail throws
    }
}
