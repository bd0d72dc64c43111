using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Outbox;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// Slack out, through the real dispatcher and Web API client to a fake Slack on loopback: proactive direct messages,
/// recipients gone, a refused token holding the workspace, Slack's per-channel limit, profiles and rosters.
/// </summary>
public sealed class SlackOutboundTests : IAsyncLifetime
{
    private const string SigningSecret = "test-signing-secret";
    private const string OldToken = "xoxb-old-token";
    private const string NewToken = "xoxb-new-token";

    private readonly SwitchableTokens _tokens = new(OldToken);
    private readonly LogCollector _logs = new();
    private FakeSlackApi _slack = null!; // set in InitializeAsync, before any test runs
    private AlignBotFactory _factory = null!;
    private HttpClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ConversationRef Workspace => new(Platform.Slack, FakeSlackApi.TeamId, "C0GENERAL", ConversationKind.Channel, ServiceUrl: null);

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _factory = new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), new Dictionary<string, string?>
        {
            ["AlignBot:Slack:SigningSecret"] = SigningSecret,
            ["AlignBot:Slack:BotToken"] = OldToken,
            ["AlignBot:Slack:ApiBaseUrl"] = _slack.BaseUrl,
            ["AlignBot:Outbox:SlackPerChannelBurst"] = "2",
        }, services =>
        {
            // A workspace whose token changes while AlignBot runs (a re-install, or new configuration).
            services.RemoveAll<ISlackTokens>();
            services.AddSingleton<ISlackTokens>(_tokens);
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        _client = _factory.CreateClient();
        await _slack.WaitForCallsAsync("auth.test", 1, Token); // the check at start is done before a test begins
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Dispatch_SendToUser_OpensTheDirectMessageThenPostsThere()
    {
        await EnqueueAsync(OutboundMessage.SendToUser(Workspace, new UserRef(Platform.Slack, "U0NIA"), MessageContent.FromText("Your stand-up"), key: "dm-1"));

        var sent = await WaitForStatusAsync("dm-1", OutboxStatus.Sent);

        var calls = _slack.AllCalls.Where(c => c.Method is "conversations.open" or "chat.postMessage").ToList();
        Assert.Equal(["conversations.open", "chat.postMessage"], calls.Select(c => c.Method));
        Assert.Equal("U0NIA", (string?)calls[0].Body?["users"]);
        Assert.Equal("DU0NIA", (string?)calls[1].Body?["channel"]);
        Assert.Equal("Your stand-up", (string?)calls[1].Body?["text"]);
        Assert.Equal("DU0NIA", sent.SentConversationId); // later updates of this message go to the direct message
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task Dispatch_SecondMessageToTheSamePerson_DirectMessageOpenedOnce()
    {
        var nia = new UserRef(Platform.Slack, "U0NIA");
        await EnqueueAsync(OutboundMessage.SendToUser(Workspace, nia, MessageContent.FromText("one"), key: "dm-a"));
        await WaitForStatusAsync("dm-a", OutboxStatus.Sent);

        await EnqueueAsync(OutboundMessage.SendToUser(Workspace, nia, MessageContent.FromText("two"), key: "dm-b"));
        await WaitForStatusAsync("dm-b", OutboxStatus.Sent);

        Assert.Single(_slack.AllCalls, c => c.Method == "conversations.open");
        Assert.All(_slack.Requests, r => Assert.Equal("DU0NIA", (string?)r.Body?["channel"]));
    }

    [Theory]
    [InlineData("conversations.open", "user_not_found")]
    [InlineData("conversations.open", "account_inactive")]
    [InlineData("chat.postMessage", "is_archived")]
    [InlineData("chat.postMessage", "not_in_channel")]
    public async Task Dispatch_RecipientGone_NotRetried(string method, string error)
    {
        _slack.FailNext(method, HttpStatusCode.OK, error);
        await EnqueueAsync(OutboundMessage.SendToUser(Workspace, new UserRef(Platform.Slack, "U0GONE"), MessageContent.FromText("hello"), key: "gone"));

        var gone = await WaitForStatusAsync("gone", OutboxStatus.RecipientGone);
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await EnqueueAsync(OutboundMessage.Send(Workspace, MessageContent.FromText("later"), key: "after")); // proves the dispatcher went on
        await WaitForStatusAsync("after", OutboxStatus.Sent);

        Assert.Equal(error, gone.LastError);
        Assert.Single(_slack.AllCalls, c => c.Method == method && ((string?)c.Body?["users"] == "U0GONE" || (string?)c.Body?["channel"] == "DU0GONE"));
    }

    [Fact]
    public async Task Dispatch_DirectMessageRateLimited_RetriedAfterRetryAfter()
    {
        _slack.FailNext("conversations.open", HttpStatusCode.TooManyRequests, "ratelimited", TimeSpan.FromSeconds(30));
        await EnqueueAsync(OutboundMessage.SendToUser(Workspace, new UserRef(Platform.Slack, "U0NIA"), MessageContent.FromText("hi"), key: "dm-429"));

        var pending = await WaitForStatusAsync("dm-429", OutboxStatus.Pending, attempts: 1);
        Assert.Equal(AlignBotFactory.DefaultStart.AddSeconds(30), pending.NextAttemptAt);
        _factory.Clock.Advance(TimeSpan.FromSeconds(30));
        Wake();

        var sent = await WaitForStatusAsync("dm-429", OutboxStatus.Sent);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task Dispatch_TokenRevoked_WorkspaceHeldLoggedOnceAndANewTokenResumes()
    {
        _slack.Revoke(OldToken);
        await EnqueueAsync(
            OutboundMessage.Send(Workspace, MessageContent.FromText("one"), key: "held-1"),
            OutboundMessage.Send(Workspace with { ConversationId = "C0OTHER" }, MessageContent.FromText("two"), key: "held-2"),
            OutboundMessage.SendToUser(Workspace, new UserRef(Platform.Slack, "U0NIA"), MessageContent.FromText("three"), key: "held-3"));
        await _slack.WaitForRequestsAsync(1, Token);
        foreach (var key in new[] { "held-1", "held-2", "held-3" })
        {
            var held = await WaitForStatusAsync(key, OutboxStatus.Pending, attempts: 0, nextAttemptAt: AlignBotFactory.DefaultStart + SlackSender.HeldRecheck);
            Assert.Null(held.CompletedAt);
        }

        var refused = CallsWith(OldToken); // the messages that reached Slack before its refusal was known (they run side by side)

        _factory.Clock.Advance(SlackSender.HeldRecheck); // looked at again with the same token: still held, nothing sent
        Wake();
        foreach (var key in new[] { "held-1", "held-2", "held-3" })
        {
            await WaitForStatusAsync(key, OutboxStatus.Pending, attempts: 0, nextAttemptAt: AlignBotFactory.DefaultStart + (2 * SlackSender.HeldRecheck));
        }

        Assert.Equal(refused, CallsWith(OldToken));
        Assert.Single(_logs.Errors, e => e.Contains("token_revoked", StringComparison.Ordinal));
        var health = await _client.GetStringAsync("/healthz", Token);
        Assert.Contains("Slack refused the bot token", health, StringComparison.Ordinal);

        _tokens.Token = NewToken;
        _factory.Clock.Advance(SlackSender.HeldRecheck);
        Wake();

        foreach (var key in new[] { "held-1", "held-2", "held-3" })
        {
            var sent = await WaitForStatusAsync(key, OutboxStatus.Sent);
            Assert.Equal(1, sent.Attempts);
        }

        Assert.Equal(3, _slack.Requests.Count(r => r.Authorization == "Bearer " + NewToken));
        Assert.Equal(refused, CallsWith(OldToken));
        Assert.Single(_logs.Errors, e => e.Contains("token_revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_SixMessagesToOneChannel_PacedSoSlacksChannelLimitRefusesNone()
    {
        _slack.LimitChannels(perSecond: 1, burst: 2);
        var messages = Enumerable.Range(1, 6).Select(i => OutboundMessage.Send(Workspace, MessageContent.FromText($"m{i}"), key: $"paced-{i}")).ToArray();

        await EnqueueAsync(messages);

        foreach (var message in messages)
        {
            Assert.Equal(1, (await WaitForStatusAsync(message.Key!, OutboxStatus.Sent)).Attempts);
        }

        Assert.Equal(0, _slack.RateLimited);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5", "m6"], _slack.Requests.Select(r => (string?)r.Body?["text"]));
    }

    [Fact]
    public async Task Post_FirstMessageFromASlackPerson_TheirProfileTimeZoneLandsOnThem()
    {
        _slack.AddUser("U0BERLIN", name: "Bea Berlin", timeZone: "Europe/Berlin", locale: "de-DE");

        var response = await PostSignedAsync(DirectMessage("U0BERLIN", "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var person = await WaitForPersonAsync("U0BERLIN", p => p.TimeZone is not null);
        Assert.Equal("Europe/Berlin", person.TimeZone);
        Assert.Equal(AvailabilitySource.Client, person.TimeZoneSource);
        Assert.Equal("Bea Berlin", person.DisplayName);
        Assert.Equal("de-DE", person.Locale);
    }

    [Fact]
    public async Task Post_PersonWhoSetTheirOwnZone_SlackProfileDoesNotReplaceIt()
    {
        _slack.AddUser("U0OWN", name: "Oda Own", timeZone: "Europe/Berlin");
        await PostSignedAsync(DirectMessage("U0OWN", "help", eventId: "Ev1"));
        await WaitForPersonAsync("U0OWN", p => p.TimeZone is not null);
        await QueryAsync(db => db.People.Where(p => p.UserId == "U0OWN").ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "Asia/Tokyo").SetProperty(p => p.TimeZoneSource, AvailabilitySource.Person), Token));
        _slack.AddUser("U0OWN", name: "Oda Renamed", timeZone: "Europe/Berlin");
        _factory.Clock.Advance(TimeSpan.FromDays(2)); // the profile is stale: the next event reads it again

        await PostSignedAsync(DirectMessage("U0OWN", "help", eventId: "Ev2"));

        var person = await WaitForPersonAsync("U0OWN", p => p.DisplayName == "Oda Renamed"); // the second read is stored
        Assert.Equal("Asia/Tokyo", person.TimeZone);
        Assert.Equal(AvailabilitySource.Person, person.TimeZoneSource);
    }

    [Fact]
    public async Task Post_SecondMessageTheSameDay_ProfileNotReadAgain()
    {
        _slack.AddUser("U0ONCE", name: "Ona Once", timeZone: "America/New_York");
        await PostSignedAsync(DirectMessage("U0ONCE", "help", eventId: "EvA"));
        await WaitForPersonAsync("U0ONCE", p => p.TimeZone is not null);

        await PostSignedAsync(DirectMessage("U0ONCE", "help", eventId: "EvB"));
        await _slack.WaitForRequestsAsync(2, Token); // both events answered

        Assert.Single(_slack.AllCalls, c => c.Method == "users.info");
    }

    [Fact]
    public async Task ListMembers_SlackChannel_EveryPageWithNamesAndNoBots()
    {
        _slack.AddUser("U1", name: "Ann");
        _slack.AddUser("U2", name: "Ben");
        _slack.AddUser("U3", name: "Cat");
        _slack.AddUser(FakeSlackApi.BotUserId, name: "AlignBot", isBot: true);
        _slack.AddUser("U4", name: "Gone", deleted: true);
        _slack.SetMembers("C0SALES", "U1", FakeSlackApi.BotUserId, "U2", "U4", "U3");

        var members = await _factory.Services.GetRequiredService<IConversationMembers>()
            .ListAsync(Workspace with { ConversationId = "C0SALES" }, Token);

        Assert.Equal(["Ann", "Ben", "Cat"], members.Select(m => m.DisplayName));
        Assert.All(members, m => Assert.Equal(Platform.Slack, m.Platform));
        Assert.Equal(3, _slack.AllCalls.Count(c => c.Method == "conversations.members")); // five members, two a page
    }

    [Fact]
    public async Task LookupByEmail_KnownAndUnknown_TypedPersonOrSlacksError()
    {
        _slack.AddUser("U0MAIL", name: "Mo Mail", timeZone: "Europe/Paris");
        var api = _factory.Services.GetRequiredService<SlackWebApiClient>();

        var found = await api.LookupByEmailAsync(FakeSlackApi.TeamId, "u0mail@example.com", Token);
        var missing = await api.LookupByEmailAsync(FakeSlackApi.TeamId, "nobody@example.com", Token);

        Assert.Equal(("U0MAIL", "Mo Mail", "Europe/Paris", "u0mail@example.com"), (found.Value?.Id, found.Value?.Name, found.Value?.TimeZone, found.Value?.Email));
        Assert.False(missing.Ok);
        Assert.Null(missing.Value);
        Assert.Equal("users_not_found", missing.Response.Error);
        Assert.StartsWith("application/x-www-form-urlencoded", _slack.AllCalls.Last().ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ConfiguredTokenRevoked_OneClearErrorAndTheHostServesDegraded()
    {
        await using var slack = await FakeSlackApi.StartAsync(Token);
        slack.Revoke("xoxb-dead-token");
        var logs = new LogCollector();
        await using var factory = new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), new Dictionary<string, string?>
        {
            ["AlignBot:Slack:SigningSecret"] = SigningSecret,
            ["AlignBot:Slack:BotToken"] = "xoxb-dead-token",
            ["AlignBot:Slack:ApiBaseUrl"] = slack.BaseUrl,
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        using var client = factory.CreateClient();

        await slack.WaitForCallsAsync("auth.test", 1, Token);
        HttpResponseMessage? response = null;
        JsonNode? check = null;
        for (var tries = 0; tries < 200 && (string?)check?["status"] != "Degraded"; tries++)
        {
            response = await client.GetAsync("/healthz", Token);
            check = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))?["checks"]?["slack"];
            await Task.Delay(20, Token);
        }

        Assert.Equal(HttpStatusCode.OK, response?.StatusCode); // degraded, not down: Teams and the rest go on
        Assert.Equal("Degraded", (string?)check?["status"]);
        var error = Assert.Single(logs.Errors);
        Assert.Contains("token_revoked", error, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb-dead-token", error, StringComparison.Ordinal); // the token itself is never logged
    }

    [Fact]
    public async Task Health_TokenWorks_NamesTheWorkspace()
    {
        JsonNode? slack = null;
        for (var tries = 0; tries < 200 && (string?)slack?["data"]?["workspace"] is null; tries++)
        {
            // auth.test at start answers in the background: its result lands a moment after the call
            slack = JsonNode.Parse(await _client.GetStringAsync("/healthz", Token))?["checks"]?["slack"];
            await Task.Delay(20, Token);
        }

        Assert.Equal("Healthy", (string?)slack?["status"]);
        Assert.Equal(FakeSlackApi.TeamId, (string?)slack?["data"]?["workspace"]);
        Assert.Empty(_logs.Errors);
    }

    private int CallsWith(string botToken) => _slack.AllCalls.Count(c => c.Authorization == "Bearer " + botToken && c.Method != "auth.test");

    private static string DirectMessage(string userId, string text, string eventId = "Ev0001")
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "event_callback.message.im.json")))!.AsObject(); // the reference payloads are JSON objects
        json["team_id"] = FakeSlackApi.TeamId;
        json["event_id"] = eventId;
        json["event"]!["user"] = userId;
        json["event"]!["team"] = FakeSlackApi.TeamId;
        json["event"]!["text"] = text;
        return json.ToJsonString();
    }

    private Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = _factory.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, new SlackRequestVerifier(SigningSecret, TimeProvider.System).Sign(ts, bytes));
        return _client.SendAsync(request, Token);
    }

    private async Task EnqueueAsync(params OutboundMessage[] messages)
    {
        await OutboxWriter.WriteAloneAsync(_factory.Services, messages, Token);
        Wake();
    }

    private void Wake() => _factory.Services.GetRequiredService<OutboxSignal>().Notify();

    private async Task<OutboxRecord> WaitForStatusAsync(string key, OutboxStatus status, int? attempts = null, DateTimeOffset? nextAttemptAt = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        OutboxRecord? row = null;
        while (!timeout.IsCancellationRequested)
        {
            row = await QueryAsync(db => db.Outbox.AsNoTracking().SingleOrDefaultAsync(o => o.Key == key, Token));
            if (row is not null && row.Status == status && (attempts is null || row.Attempts == attempts) && (nextAttemptAt is null || row.NextAttemptAt == nextAttemptAt))
            {
                return row;
            }

            await Task.Delay(10, Token);
        }

        Assert.Fail($"Row {key} is {row?.Status} after {row?.Attempts} attempts (next at {row?.NextAttemptAt}, {row?.LastError}), not {status}.");
        return row!; // unreachable: Assert.Fail throws
    }

    private async Task<AlignBot.Data.People.PersonRecord> WaitForPersonAsync(string userId, Func<AlignBot.Data.People.PersonRecord, bool> ready)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!timeout.IsCancellationRequested)
        {
            var person = await QueryAsync(db => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Platform == Platform.Slack && p.UserId == userId, Token));
            if (person is not null && ready(person))
            {
                return person;
            }

            await Task.Delay(10, Token);
        }

        Assert.Fail($"Person {userId} never got there.");
        return null!; // unreachable: Assert.Fail throws
    }

    private async Task<T> QueryAsync<T>(Func<AlignBotDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AlignBotDbContext>());
    }

    /// <summary>The workspace's bot token, changed by a test as a re-install or new configuration would.</summary>
    private sealed class SwitchableTokens(string token) : ISlackTokens
    {
        public volatile string Token = token;

        public ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(Token);
    }
}
