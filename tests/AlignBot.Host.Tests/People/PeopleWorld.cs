using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Core.Conversations;
using AlignBot.Host.Conversations;
using AlignBot.Host.Standups;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.People;

/// <summary>
/// One organization on two platforms: a sales team (Sam, whose configured email is sam@contoso.com, with a daily
/// stand-up at 09:00 Chicago time) and a marketing team (Olga, who owns all feedback); Teams through the fake
/// connector, Slack through signed events and the fake Web API. The clock is fake; ticks are run by hand.
/// </summary>
internal sealed class PeopleWorld : IAsyncDisposable
{
    public const string Tenant = "tenant-1";
    public const string Workspace = "T0CONTOSO";
    public const string SigningSecret = "people-signing-secret";
    public const string SamEmail = "sam@contoso.com";

    public static readonly TeamsPerson Sam = new("aad-sam", "Sam Seller", "America/Chicago");
    public static readonly TeamsPerson Olga = new("aad-olga", "Olga Owner", "Europe/London");
    public static readonly TeamsPerson Admin = new("aad-admin", "Ada Admin", "Europe/London");

    /// <summary>Sam on Slack: his user id and his DM channel with the bot.</summary>
    public static readonly SlackPerson SamOnSlack = new("U0SAM", "D0SAM");

    private int _next;

    private PeopleWorld(BotTestContext bot, FakeSlackApi slack)
    {
        Bot = bot;
        Slack = slack;
    }

    public BotTestContext Bot { get; }

    public FakeSlackApi Slack { get; }

    public static async Task<PeopleWorld> StartAsync(DateTimeOffset start, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var slack = await FakeSlackApi.StartAsync(cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Slack:SigningSecret"] = SigningSecret,
            ["AlignBot:Slack:BotToken"] = "xoxb-people",
            ["AlignBot:Slack:ApiBaseUrl"] = slack.BaseUrl,
            ["AlignBot:Organization:Admins:0"] = Admin.Id,
            ["AlignBot:Organization:Teams:0:Id"] = "sales-na",
            ["AlignBot:Organization:Teams:0:Name"] = "Sales NA",
            ["AlignBot:Organization:Teams:0:Kind"] = "Sales",
            ["AlignBot:Organization:Teams:0:TimeZone"] = "America/Chicago",
            ["AlignBot:Organization:Teams:0:Members:0:Id"] = Sam.Id,
            ["AlignBot:Organization:Teams:0:Members:0:Name"] = Sam.Name,
            ["AlignBot:Organization:Teams:0:Members:0:Email"] = SamEmail,
            ["AlignBot:Organization:Teams:0:Standups:0:Name"] = "Sales daily",
            ["AlignBot:Organization:Teams:0:Standups:0:At"] = "09:00",
            ["AlignBot:Organization:Teams:0:Standups:0:AnswerWindow"] = "04:00:00",
            ["AlignBot:Organization:Teams:1:Id"] = "product-marketing",
            ["AlignBot:Organization:Teams:1:Name"] = "Product Marketing",
            ["AlignBot:Organization:Teams:1:Kind"] = "Marketing",
            ["AlignBot:Organization:Teams:1:TimeZone"] = "Europe/London",
            ["AlignBot:Organization:Teams:1:Members:0:Id"] = Olga.Id,
            ["AlignBot:Organization:Teams:1:Members:0:Name"] = Olga.Name,
            ["AlignBot:Feedback:Topics:0"] = "Analytics",
            ["AlignBot:Feedback:Personas:0"] = "CFO",
            ["AlignBot:Feedback:DefaultOwner"] = Olga.Id,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new PeopleWorld(await BotTestContext.StartAsync(cancellationToken, settings, start), slack);
    }

    public Task<HttpResponseMessage> SayOnTeamsAsync(TeamsPerson person, string text, CancellationToken cancellationToken) =>
        Bot.PostActivityAsync(Bot.Payload("message.personal.json", a =>
        {
            a["id"] = $"msg-{Interlocked.Increment(ref _next)}";
            a["text"] = text;
            a["from"] = new JsonObject { ["id"] = person.UserId, ["name"] = person.Name, ["aadObjectId"] = person.Id };
            a["conversation"] = new JsonObject { ["id"] = person.ChatId, ["conversationType"] = "personal", ["tenantId"] = Tenant };
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = person.TimeZone });
        }), cancellationToken);

    /// <summary>A Universal Action press on a card in the person's Teams 1:1 chat; returns the invoke response.</summary>
    public async Task<JsonNode> PressOnTeamsAsync(TeamsPerson person, string verb, IReadOnlyDictionary<string, string> data, string cardActivityId, CancellationToken cancellationToken)
    {
        var payload = new JsonObject();
        foreach (var (id, value) in data)
        {
            payload[id] = value;
        }

        var response = await Bot.PostActivityAsync(Bot.Payload("invoke.adaptiveCard-action.Action.Execute.personal.json", a =>
        {
            a["id"] = $"invoke-{Interlocked.Increment(ref _next)}";
            a["from"] = new JsonObject { ["id"] = person.UserId, ["name"] = person.Name, ["aadObjectId"] = person.Id };
            a["conversation"] = new JsonObject { ["id"] = person.ChatId, ["conversationType"] = "personal", ["tenantId"] = Tenant };
            a["replyToId"] = cardActivityId;
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = payload } };
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = person.TimeZone });
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
    }

    /// <summary>A direct message to the bot on Slack, signed as Slack signs it (the real reference payload).</summary>
    public Task<HttpResponseMessage> SayOnSlackAsync(SlackPerson person, string text, CancellationToken cancellationToken) =>
        PostSlackAsync(SlackMessageEvent(person, text), cancellationToken);

    /// <summary>The event_callback body of a direct message to the bot on Slack, to post (and re-post, as Slack retries).</summary>
    public string SlackMessageEvent(SlackPerson person, string text) =>
        SlackPayload("event_callback.message.im.json", json =>
        {
            json["team_id"] = Workspace;
            json["event_id"] = $"Ev{Interlocked.Increment(ref _next):D6}";
            json["event"]!["team"] = Workspace;
            json["event"]!["user"] = person.UserId;
            json["event"]!["channel"] = person.Channel;
            json["event"]!["text"] = text;
            json["event"]!["ts"] = $"1700000100.{_next:D6}";
        });

    /// <summary>An Events API body posted to /slack/events; with <paramref name="retry"/>, as Slack's retry of it (<c>X-Slack-Retry-Num</c>).</summary>
    public Task<HttpResponseMessage> PostSlackEventAsync(string body, CancellationToken cancellationToken, string? retry = null) =>
        PostSlackAsync(body, cancellationToken, "/slack/events", "application/json", retry);

    /// <summary>An interaction (block_actions, view_submission) as Slack posts it to /slack/interactions: the JSON form-encoded in <c>payload</c>.</summary>
    public Task<HttpResponseMessage> InteractOnSlackAsync(JsonObject payload, CancellationToken cancellationToken) =>
        PostSlackAsync("payload=" + Uri.EscapeDataString(payload.ToJsonString()), cancellationToken, "/slack/interactions", "application/x-www-form-urlencoded");

    /// <summary>A press of <paramref name="actionId"/> on the bot's message <paramref name="ts"/> in the person's Slack DM (the real block_actions payload).</summary>
    public JsonObject SlackPress(SlackPerson person, string ts, string actionId, string? value)
    {
        var json = JsonNode.Parse(SlackPayload("block_actions.json", _ => { }))!.AsObject();
        var n = Interlocked.Increment(ref _next);
        json["team"] = new JsonObject { ["id"] = Workspace, ["domain"] = "contoso" };
        json["user"]!["id"] = person.UserId;
        json["user"]!["team_id"] = Workspace;
        json["trigger_id"] = $"trigger.{n}";
        json["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = person.Channel, ["is_ephemeral"] = false };
        json["channel"] = new JsonObject { ["id"] = person.Channel, ["name"] = "directmessage" };
        var action = json["actions"]![0]!.AsObject();
        action["action_id"] = actionId;
        action["value"] = value;
        action["action_ts"] = $"1700000300.{n:D6}";
        return json;
    }

    /// <summary>The submission of the modal AlignBot opened (<paramref name="opened"/>, the views.open body) with these typed values (the real view_submission payload).</summary>
    public JsonObject SlackSubmit(SlackPerson person, JsonNode opened, IReadOnlyDictionary<string, string> typed)
    {
        var json = JsonNode.Parse(SlackPayload("view_submission.json", _ => { }))!.AsObject();
        var n = Interlocked.Increment(ref _next);
        json["team"] = new JsonObject { ["id"] = Workspace, ["domain"] = "contoso" };
        json["user"]!["id"] = person.UserId;
        json["user"]!["team_id"] = Workspace;
        json["trigger_id"] = $"trigger.{n}";
        var view = json["view"]!.AsObject();
        view["id"] = $"V{n:D6}";
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

    /// <summary>The person opens AlignBot's Home tab on Slack (the real reference payload, on the home tab).</summary>
    public Task<HttpResponseMessage> OpenHomeOnSlackAsync(SlackPerson person, CancellationToken cancellationToken, string tab = "home") =>
        PostSlackAsync(SlackPayload("event_callback.app_home_opened.json", json =>
        {
            json["team_id"] = Workspace;
            json["event_id"] = $"Ev{Interlocked.Increment(ref _next):D6}";
            json["event"]!["user"] = person.UserId;
            json["event"]!["channel"] = person.Channel;
            json["event"]!["tab"] = tab;
        }), cancellationToken);

    /// <summary>Someone joins a Slack channel AlignBot is in (or AlignBot itself, <c>UBOT</c>, is added to one).</summary>
    public Task<HttpResponseMessage> JoinChannelOnSlackAsync(string userId, string channel, string? inviter, CancellationToken cancellationToken) =>
        PostSlackAsync(SlackPayload("event_callback.app_mention.json", json =>
        {
            json["team_id"] = Workspace;
            json["event_id"] = $"Ev{Interlocked.Increment(ref _next):D6}";
            json.Remove("authed_users");
            json["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = Workspace, ["user_id"] = "UBOT", ["is_bot"] = true });
            json["event"] = new JsonObject { ["type"] = "member_joined_channel", ["user"] = userId, ["channel"] = channel, ["channel_type"] = "C", ["team"] = Workspace, ["inviter"] = inviter };
        }), cancellationToken);

    /// <summary>
    /// A button press on a card in the person's Slack DM, straight into the inbound pipeline the Slack endpoints feed:
    /// the event a block_actions becomes (<see cref="SlackPress"/> sends the real one through /slack/interactions).
    /// </summary>
    public async Task PressOnSlackAsync(SlackPerson person, string verb, IReadOnlyDictionary<string, string> data, string cardTs, CancellationToken cancellationToken)
    {
        await using var scope = Bot.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<InboundPipeline>().ProcessAsync(
            new CardActionSubmitted(verb, new CardInputs(data), ExpectsCardResponse: false)
            {
                DeliveryId = $"slack-press-{Interlocked.Increment(ref _next)}",
                Conversation = new ConversationRef(Platform.Slack, Workspace, person.Channel, ConversationKind.Personal, null),
                From = new UserRef(Platform.Slack, person.UserId),
                ActivityId = cardTs,
            },
            cancellationToken);
    }

    public async Task<int> TickStandupsAsync(CancellationToken cancellationToken)
    {
        await using var scope = Bot.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StandupTickJob>().RunAsync(cancellationToken);
    }

    /// <summary>Waits until Sam on Slack has been looked up (users.info answered and stored); returns his member id, if linked.</summary>
    public async Task<string?> EmailCheckedAsync(SlackPerson person, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var row = await Bot.QueryAsync(db => db.People.AsNoTracking()
                .Where(p => p.Platform == Platform.Slack && p.UserId == person.UserId)
                .Select(p => new { p.EmailCheckedAt, p.AadObjectId })
                .SingleOrDefaultAsync(timeout.Token));
            if (row?.EmailCheckedAt is not null)
            {
                return row.AadObjectId;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>The platform id of the message sent for an outbox key, once the dispatcher has recorded it.</summary>
    public async Task<string> SentActivityIdAsync(string key, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var id = await Bot.QueryAsync(db => db.Outbox.Where(o => o.Key == key).Select(o => o.SentActivityId).SingleOrDefaultAsync(timeout.Token));
            if (id is not null)
            {
                return id;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public ValueTask DisposeAsync() => DisposeAllAsync();

    private async ValueTask DisposeAllAsync()
    {
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }

    private static string SlackPayload(string file, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", file)))!.AsObject(); // the reference payloads are JSON objects
        change(json);
        return json.ToJsonString();
    }

    private Task<HttpResponseMessage> PostSlackAsync(string body, CancellationToken cancellationToken, string path = "/slack/events", string contentType = "application/json", string? retry = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = Bot.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (retry is not null)
        {
            request.Headers.Add("X-Slack-Retry-Num", retry);
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, new SlackRequestVerifier(SigningSecret, TimeProvider.System).Sign(ts, bytes));
        return Bot.Client.SendAsync(request, cancellationToken);
    }

    internal sealed record TeamsPerson(string Id, string Name, string TimeZone)
    {
        public string UserId => "29:" + Id;

        public string ChatId => "a:" + Id;
    }

    internal sealed record SlackPerson(string UserId, string Channel);
}
