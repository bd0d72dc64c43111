using System.Globalization;
using System.Net.Http.Headers;
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
/// The host with Slack configured, a fake Slack Web API on loopback recording every call, and helpers that send what
/// Slack sends: events (JSON), interactions (<c>payload=</c> form) and slash commands (form), each signed with the
/// signing secret as Slack signs them.
/// </summary>
internal sealed class SlackWorld : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret";
    public const string BotToken = "xoxb-test-token";
    public const string Team = "T111";

    private int _next;

    private SlackWorld(FakeSlackApi slack, AlignBotFactory factory)
    {
        Slack = slack;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public FakeSlackApi Slack { get; }

    public AlignBotFactory Factory { get; }

    public HttpClient Client { get; }

    public static async Task<SlackWorld> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var slack = await FakeSlackApi.StartAsync(cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Slack:SigningSecret"] = SigningSecret,
            ["AlignBot:Slack:BotToken"] = BotToken,
            ["AlignBot:Slack:ApiBaseUrl"] = slack.BaseUrl,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new SlackWorld(slack, new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), settings));
    }

    /// <summary>A direct message from <paramref name="user"/> in their DM with the bot (<paramref name="channel"/>).</summary>
    public Task<HttpResponseMessage> DirectMessageAsync(string user, string channel, string text, CancellationToken cancellationToken)
    {
        var json = Reference("event_callback.message.im.json");
        var n = Interlocked.Increment(ref _next);
        json["team_id"] = Team;
        json["event_id"] = $"Ev{n}";
        json["event"]!["user"] = user;
        json["event"]!["channel"] = channel;
        json["event"]!["team"] = Team;
        json["event"]!["text"] = text;
        json["event"]!["ts"] = $"1600000000.{n:D6}";
        return PostSignedAsync("/slack/events", json.ToJsonString(), "application/json", cancellationToken);
    }

    /// <summary>An @mention of AlignBot by <paramref name="user"/> in <paramref name="channel"/> (<c>app_mention</c>).</summary>
    public Task<HttpResponseMessage> MentionAsync(string user, string channel, string text, CancellationToken cancellationToken)
    {
        var json = Reference("event_callback.app_mention.json");
        var n = Interlocked.Increment(ref _next);
        json["team_id"] = Team;
        json["event_id"] = $"Ev{n}";
        json["event"]!["user"] = user;
        json["event"]!["channel"] = channel;
        json["event"]!["team"] = Team;
        json["event"]!["text"] = $"<@{FakeSlackApi.BotUserId}> {text}";
        json["event"]!["ts"] = $"1600000000.{n:D6}";
        json["event"]!["event_ts"] = $"1600000000.{n:D6}";
        json["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = Team, ["user_id"] = FakeSlackApi.BotUserId, ["is_bot"] = true });
        json["authed_users"] = new JsonArray(FakeSlackApi.BotUserId);
        return PostSignedAsync("/slack/events", json.ToJsonString(), "application/json", cancellationToken);
    }

    /// <summary>An interaction (block_actions, view_submission, shortcut...) as Slack posts it: the JSON form-encoded in <c>payload</c>.</summary>
    public Task<HttpResponseMessage> InteractAsync(JsonObject payload, CancellationToken cancellationToken, string secret = SigningSecret, DateTimeOffset? timestamp = null) =>
        PostSignedAsync("/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded", cancellationToken, secret, timestamp);

    /// <summary>A press of <paramref name="actionId"/> (with <paramref name="value"/>) on the bot's message <paramref name="ts"/>, from the reference payload.</summary>
    public JsonObject Press(string user, string channel, string ts, string actionId, string? value)
    {
        var json = Reference("block_actions.json");
        var n = Interlocked.Increment(ref _next);
        json["user"]!["id"] = user;
        json["trigger_id"] = $"trigger.{n}";
        json["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = false };
        json["channel"] = new JsonObject { ["id"] = channel, ["name"] = channel.StartsWith('D') ? "directmessage" : "sales" };
        var action = json["actions"]![0]!.AsObject();
        action["action_id"] = actionId;
        action["value"] = value;
        action["action_ts"] = $"1700000100.{n:D6}";
        return json;
    }

    /// <summary>The submission of the modal AlignBot opened (<paramref name="opened"/>, the views.open call) with these typed values.</summary>
    public JsonObject Submit(string user, JsonNode opened, IReadOnlyDictionary<string, string> typed)
    {
        var json = Reference("view_submission.json");
        var n = Interlocked.Increment(ref _next);
        json["user"]!["id"] = user;
        json["trigger_id"] = $"trigger.{n}";
        var view = json["view"]!.AsObject();
        view["blocks"] = opened["view"]!["blocks"]!.DeepClone();
        view["private_metadata"] = (string?)opened["view"]!["private_metadata"];
        var values = new JsonObject();
        foreach (var (blockId, value) in typed)
        {
            values[blockId] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        view["state"] = new JsonObject { ["values"] = values };
        return json;
    }

    /// <summary>A slash command as Slack posts it, from the reference body with these fields changed.</summary>
    public Task<HttpResponseMessage> CommandAsync(string text, string channel, CancellationToken cancellationToken, string user = "W111")
    {
        var fields = File.ReadAllText(TestPaths.Reference("slack-payloads", "slash_command.form-urlencoded.txt")).Trim().Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        fields["command"] = Uri.EscapeDataString("/alignbot");
        fields["text"] = Uri.EscapeDataString(text);
        fields["channel_id"] = channel;
        fields["channel_name"] = channel.StartsWith('D') ? "directmessage" : "sales";
        fields["user_id"] = user;
        fields["trigger_id"] = $"cmd.{Interlocked.Increment(ref _next)}";
        return CommandRawAsync(string.Join('&', fields.Select(f => f.Key + "=" + f.Value)), cancellationToken);
    }

    public Task<HttpResponseMessage> CommandRawAsync(string body, CancellationToken cancellationToken) =>
        PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", cancellationToken);

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, CancellationToken cancellationToken, string secret = SigningSecret, DateTimeOffset? timestamp = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = (timestamp ?? Factory.Clock.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, new SlackRequestVerifier(secret, TimeProvider.System).Sign(ts, bytes));
        return Client.SendAsync(request, cancellationToken);
    }

    /// <summary>The message ts Slack gave the bot's message whose outbox row matches, once it is sent.</summary>
    public async Task<string> SentTsAsync(Func<OutboxRecord, bool> match, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var rows = await QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Sent).ToListAsync(timeout.Token));
            if (rows.FirstOrDefault(match) is { SentActivityId: { } ts })
            {
                return ts;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Waits until a Web API call matching <paramref name="match"/> arrived, and returns it.</summary>
    public async Task<SlackApiRequest> WaitForCallAsync(Func<SlackApiRequest, bool> match, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Slack.Requests.FirstOrDefault(match) is { } call)
            {
                return call;
            }

            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail("The expected Slack call never came; got: " + string.Join(", ", Slack.Requests.Select(r => r.Method)));
            }
        }
    }

    /// <summary>Waits until nothing is left to send, so "exactly N calls" can be asserted.</summary>
    public async Task OutboxDrainedAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (await QueryAsync(db => db.Outbox.AnyAsync(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending, timeout.Token)))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task<T> QueryAsync<T>(Func<AlignBotDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AlignBotDbContext>());
    }

    public static JsonObject Reference(string file) =>
        JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", file)))!.AsObject(); // the reference payloads are JSON objects

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
