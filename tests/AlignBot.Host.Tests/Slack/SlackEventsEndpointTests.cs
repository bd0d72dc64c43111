using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// Slack in, through POST /slack/events (signed like Slack signs), the pipeline, the outbox and the dispatcher, out to
/// a fake Slack Web API on loopback.
/// </summary>
public sealed class SlackEventsEndpointTests : IAsyncLifetime
{
    private const string SigningSecret = "test-signing-secret";
    private const string BotToken = "xoxb-test-token";

    private FakeSlackApi _slack = null!; // set in InitializeAsync, before any test runs
    private AlignBotFactory _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _factory = new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), new Dictionary<string, string?>
        {
            ["AlignBot:Slack:SigningSecret"] = SigningSecret,
            ["AlignBot:Slack:BotToken"] = BotToken,
            ["AlignBot:Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Post_SignedDirectMessageHelp_PostsHelpCardAsBlockKitWithBotToken()
    {
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = "help");

        var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _slack.WaitForRequestsAsync(1, Token));
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + BotToken, call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("channelId", (string?)call.Body?["channel"]);
        Assert.Null(call.Body?["thread_ts"]); // in a DM the answer is the next message, not a thread
        Assert.Equal("AlignBot commands", (string?)call.Body?["text"]);
        var blocks = call.Body?["blocks"]?.AsArray() ?? [];
        Assert.Contains(blocks, b => (string?)b?["type"] == "section" && (b["fields"]?.AsArray().Any(f => ((string?)f?["text"] ?? "").Contains("whoami", StringComparison.Ordinal)) ?? false));
        Assert.Contains(blocks, b => (string?)b?["type"] == "actions");
        var row = await WaitForSentAsync();
        Assert.Equal("1700000000.000001", row.SentActivityId);
    }

    [Fact]
    public async Task Post_SignedMentionInChannel_RepliesInTheThread()
    {
        var body = Payload("event_callback.app_mention.json", json => json["event"]!["text"] = "<@W111> help");

        var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _slack.WaitForRequestsAsync(1, Token));
        Assert.Equal("C111", (string?)call.Body?["channel"]);
        Assert.Equal("1595926230.009600", (string?)call.Body?["thread_ts"]);
        Assert.Contains("whoami", call.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't understand", call.VisibleText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whoami", "What AlignBot knows about you")]
    [InlineData("make me a coffee", "didn't understand")]
    public async Task Post_SignedDirectMessage_AnswersLikeTeams(string text, string expected)
    {
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = text);

        var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _slack.WaitForRequestsAsync(1, Token));
        Assert.Contains(expected, call.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_SlackRateLimited_RetriedAfterRetryAfter()
    {
        _slack.FailNext(HttpStatusCode.TooManyRequests, "ratelimited", TimeSpan.FromSeconds(3));
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = "help");

        await PostSignedAsync(body);
        await _slack.WaitForRequestsAsync(1, Token);
        var pending = await WaitForStatusAsync(OutboxStatus.Pending, attempts: 1);
        Assert.Equal(AlignBotFactory.DefaultStart.AddSeconds(3), pending.NextAttemptAt);
        _factory.Clock.Advance(TimeSpan.FromSeconds(3));
        _factory.Services.GetRequiredService<AlignBot.Host.Outbox.OutboxSignal>().Notify();

        var sent = await WaitForSentAsync();
        Assert.Equal(2, _slack.Requests.Count);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Dispatch_ChannelNotFound_RecipientGoneAndNotRetried()
    {
        _slack.FailNext(HttpStatusCode.OK, "channel_not_found");
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = "help");

        await PostSignedAsync(body);

        await WaitForStatusAsync(OutboxStatus.RecipientGone, attempts: 1);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task Post_Unsigned_401AndNothingProcessed()
    {
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = "help");

        var response = await _client.PostAsync("/slack/events", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_401AndNothingProcessed()
    {
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = "help");

        var response = await PostSignedAsync(body, secret: "someone-elses-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_SignedSixMinutesAgo_401AndNothingProcessed()
    {
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = "help");

        var response = await PostSignedAsync(body, timestamp: AlignBotFactory.DefaultStart.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_SlackRetryOfTheSameEvent_OneReplyOnly()
    {
        var body = Payload("event_callback.message.im.json", json => json["event"]!["text"] = "help");

        var first = await PostSignedAsync(body);
        var retry = await PostSignedAsync(body, retryNum: "1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await WaitForSentAsync();
        Assert.Equal(1, await QueryAsync(db => db.Outbox.CountAsync(Token)));
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task Post_UrlVerification_AnswersTheChallenge()
    {
        var body = File.ReadAllText(TestPaths.Reference("slack-payloads", "url_verification.json"));

        var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync(Token));
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_EventNotHandledYet_200AndNothingSent()
    {
        var body = File.ReadAllText(TestPaths.Reference("slack-payloads", "event_callback.app_home_opened.json"));

        var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    private static string Payload(string file, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", file)))!.AsObject(); // the reference payloads are JSON objects
        change(json);
        return json.ToJsonString();
    }

    private Task<HttpResponseMessage> PostSignedAsync(string body, string secret = SigningSecret, DateTimeOffset? timestamp = null, string? retryNum = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = (timestamp ?? AlignBotFactory.DefaultStart).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signer = new SlackRequestVerifier(secret, TimeProvider.System);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, signer.Sign(ts, bytes));
        if (retryNum is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum);
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return _client.SendAsync(request, Token);
    }

    private Task<OutboxRecord> WaitForSentAsync() => WaitForStatusAsync(OutboxStatus.Sent, attempts: null);

    private async Task<OutboxRecord> WaitForStatusAsync(OutboxStatus status, int? attempts)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var row = await QueryAsync(db => db.Outbox.SingleOrDefaultAsync(r => r.Status == status && (attempts == null || r.Attempts == attempts), Token));
            if (row is not null)
            {
                return row;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private async Task AssertNothingProcessedAsync()
    {
        Assert.Equal(0, await QueryAsync(db => db.Outbox.CountAsync(Token)));
        Assert.Equal(0, await QueryAsync(db => db.InboundDeliveries.CountAsync(Token)));
        Assert.Empty(_slack.Requests);
    }

    private async Task<T> QueryAsync<T>(Func<AlignBotDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AlignBotDbContext>());
    }
}
