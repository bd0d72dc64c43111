using System.Text.Json.Nodes;
using AlignBot.Data;
using AlignBot.Host.Slack;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// Slack over Socket Mode, with no signing secret and no public URL: the real host opens apps.connections.open on a
/// fake Slack Web API, connects to a fake Socket Mode server on loopback, acknowledges every envelope by id, handles
/// events through the same pipeline as POST /slack/events and posts its replies; it reconnects when Slack asks and
/// when the connection drops.
/// </summary>
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private const string AppToken = "xapp-1-A111-test";
    private const string BotToken = "xoxb-test-token";

    private FakeSlackApi _slack = null!; // set in InitializeAsync, before any test runs
    private FakeSlackSocketMode _socket = null!;
    private AlignBotFactory _factory = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _socket = await FakeSlackSocketMode.StartAsync(_slack, Token);
        _factory = new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), new Dictionary<string, string?>
        {
            ["AlignBot:Slack:AppToken"] = AppToken,
            ["AlignBot:Slack:BotToken"] = BotToken,
            ["AlignBot:Slack:ApiBaseUrl"] = _slack.BaseUrl,
        }, services => services.AddScoped<ISlackInteractivity, ClosingModals>());
        _ = _factory.Services; // starts the host, and with it the Socket Mode connection
        await _socket.WaitForConnectionAsync(1, Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _socket.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task EventEnvelope_DirectMessageHelp_AckedAndHelpCardPosted()
    {
        await _socket.SendEventAsync("env-1", Payload("event_callback.message.im.json", "help"), Token);

        var ack = await _socket.WaitForAckAsync("env-1", Token);
        var post = Assert.Single(await _slack.WaitForRequestsAsync(1, Token), r => r.Method == "chat.postMessage");
        Assert.Equal("Bearer " + AppToken, Assert.Single(_slack.Calls("apps.connections.open")).Authorization);
        Assert.Equal("Bearer " + BotToken, post.Authorization);
        Assert.Equal("channelId", (string?)post.Body?["channel"]);
        Assert.Equal("AlignBot commands", (string?)post.Body?["text"]);
        Assert.Equal("""{"envelope_id":"env-1"}""", ack.ToJsonString());
    }

    [Fact]
    public async Task EveryEnvelopeType_EachAckedByItsId_NothingPostedForWhatIsNotHandled()
    {
        var command = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(File.ReadAllText(TestPaths.Reference("slack-payloads", "slash_command.form-urlencoded.txt"))))
        {
            command[key] = value.ToString();
        }

        await _socket.SendEventAsync("env-home", JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "event_callback.app_home_opened.json")))!, Token);
        await _socket.SendAsync(new { envelope_id = "env-action", payload = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "block_actions.json"))), type = "interactive", accepts_response_payload = false }, Token);
        await _socket.SendAsync(new { envelope_id = "env-command", payload = command, type = "slash_commands", accepts_response_payload = true }, Token);
        await _socket.SendAsync(new { envelope_id = "env-unknown", payload = new { }, type = "something_new" }, Token);

        foreach (var id in new[] { "env-home", "env-action", "env-command", "env-unknown" })
        {
            var ack = await _socket.WaitForAckAsync(id, Token);
            Assert.Null(ack["payload"]);
        }

        Assert.Equal(4, _socket.Acks.Count);
        Assert.DoesNotContain(_slack.Requests, r => r.Method == "chat.postMessage");
        Assert.Equal(0, await QueryAsync(db => db.Outbox.CountAsync(Token)));
    }

    [Fact]
    public async Task InteractiveEnvelope_HandlerAnswers_AnswerGoesBackInTheAck()
    {
        var submission = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "view_submission.json")));

        await _socket.SendAsync(new { envelope_id = "env-submit", payload = submission, type = "interactive", accepts_response_payload = true }, Token);

        var ack = await _socket.WaitForAckAsync("env-submit", Token);
        Assert.Equal("""{"envelope_id":"env-submit","payload":{"response_action":"clear"}}""", ack.ToJsonString());
    }

    [Fact]
    public async Task Disconnect_OpensASecondConnection_AndEventsStillFlow()
    {
        await _socket.RequestReconnectAsync(Token);

        await _socket.WaitForConnectionAsync(2, Token);
        await _socket.SendEventAsync("env-after", Payload("event_callback.message.im.json", "whoami"), Token);

        await _socket.WaitForAckAsync("env-after", Token);
        Assert.Equal(2, _slack.Calls("apps.connections.open").Count);
        var post = Assert.Single(await _slack.WaitForRequestsAsync(1, Token), r => r.Method == "chat.postMessage");
        Assert.Contains("What AlignBot knows about you", post.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DroppedConnection_ReconnectsAfterTheBackoff_AndEventsStillFlow()
    {
        var dropped = _factory.Clock.GetUtcNow();

        _socket.Drop();
        while (_socket.ConnectionCount < 2)
        {
            _factory.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(20, Token);
        }

        // The first wait is the base delay (1 s) less its jitter at most: not at once, as after a disconnect message.
        Assert.True(_factory.Clock.GetUtcNow() - dropped >= TimeSpan.FromMilliseconds(800), $"Reconnected after {_factory.Clock.GetUtcNow() - dropped} of backoff.");
        await _socket.SendEventAsync("env-after-drop", Payload("event_callback.message.im.json", "help"), Token);
        await _socket.WaitForAckAsync("env-after-drop", Token);
        Assert.Single(await _slack.WaitForRequestsAsync(1, Token), r => r.Method == "chat.postMessage");
    }

    [Fact]
    public async Task DroppedThenSlackRefusesTheFirstReopen_BackoffGrows_ThenConnects()
    {
        var dropped = _factory.Clock.GetUtcNow();
        _slack.FailNext("apps.connections.open", System.Net.HttpStatusCode.OK, "internal_error");

        _socket.Drop();
        while (_socket.ConnectionCount < 2)
        {
            _factory.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(20, Token);
        }

        // Two waits in a row: the base delay, then twice it, each less its jitter at most (0.8 s + 1.6 s).
        Assert.Equal(3, _slack.Calls("apps.connections.open").Count);
        Assert.True(_factory.Clock.GetUtcNow() - dropped >= TimeSpan.FromMilliseconds(2400), $"Reconnected after {_factory.Clock.GetUtcNow() - dropped} of backoff.");
    }

    [Fact]
    public async Task HostStops_ConnectionClosedWithAHandshake()
    {
        // The fake counts a connection once its hello is sent, which can be before AlignBot's connect has returned; a
        // stop that early cancels the connect itself (nothing to close). An acknowledged envelope shows AlignBot reading.
        await _socket.SendEventAsync("env-before-stop", Payload("event_callback.message.im.json", "help"), Token);
        await _socket.WaitForAckAsync("env-before-stop", Token);

        await _factory.DisposeAsync();

        await _socket.WaitForCleanCloseAsync(1, Token);
        Assert.Equal(1, _socket.ConnectionCount);
    }

    [Fact]
    public async Task RedeliveredEnvelope_SameEventId_RepliedOnce()
    {
        var payload = Payload("event_callback.message.im.json", "help");

        await _socket.SendEventAsync("env-first", payload, Token);
        await _socket.WaitForAckAsync("env-first", Token);
        await _socket.SendEventAsync("env-again", payload, Token, retryAttempt: 1);
        await _socket.WaitForAckAsync("env-again", Token);

        // Each ack follows its delivery's handling, so both are through the pipeline here.
        Assert.Equal(1, await QueryAsync(db => db.Outbox.CountAsync(Token)));
        Assert.Equal(1, await QueryAsync(db => db.InboundDeliveries.CountAsync(Token)));
        await _slack.WaitForRequestsAsync(1, Token);
        Assert.Single(_slack.Requests, r => r.Method == "chat.postMessage");
    }

    /// <summary>Stands in for the interactivity handlers: answers a modal submission with "close the modal", nothing else.</summary>
    private sealed class ClosingModals : ISlackInteractivity
    {
        public Task<JsonNode?> HandleInteractionAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
            Task.FromResult<JsonNode?>((string?)JsonNode.Parse(payload.Span)?["type"] == "view_submission" ? new JsonObject { ["response_action"] = "clear" } : null);

        public Task<JsonNode?> HandleSlashCommandAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);
    }

    private static JsonObject Payload(string file, string text)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", file)))!.AsObject(); // the reference payloads are JSON objects
        json["event"]!["text"] = text;
        return json;
    }

    private async Task<T> QueryAsync<T>(Func<AlignBotDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AlignBotDbContext>());
    }
}
