using System.Globalization;
using System.Text.Json.Nodes;
using AlignBot.Core.Feedback;
using AlignBot.Host.Feedback;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Feedback;

/// <summary>
/// A sales team and a marketing team configured as code, with routing rules, a queue and a backup; everyone has
/// talked to the bot once (so it knows their 1:1 chats and time zones). The clock is fake; the SLA tick is run by hand.
/// </summary>
internal sealed class FeedbackWorld : IAsyncDisposable
{
    public const string Tenant = "tenant-1";

    public static readonly Person Seller = new("aad-sam", "Sam Seller", "America/Chicago");
    public static readonly Person SecondSeller = new("aad-sue", "Sue Seller", "Europe/Paris");
    public static readonly Person MarketingLead = new("aad-mia", "Mia Marketing", "Europe/Berlin");
    public static readonly Person Olga = new("aad-olga", "Olga Owner", "Europe/London");
    public static readonly Person Omar = new("aad-omar", "Omar Owner", "America/New_York");
    public static readonly Person Vera = new("aad-vera", "Vera VP", "America/Los_Angeles");
    public static readonly Person[] Everyone = [Seller, SecondSeller, MarketingLead, Olga, Omar, Vera];

    private int _next;

    private FeedbackWorld(BotTestContext bot) => Bot = bot;

    public BotTestContext Bot { get; }

    public static Dictionary<string, string?> Settings() => new()
    {
        ["AlignBot:Organization:Admins:0"] = "aad-admin",
        ["AlignBot:Organization:Teams:0:Id"] = "sales-na",
        ["AlignBot:Organization:Teams:0:Name"] = "Sales NA",
        ["AlignBot:Organization:Teams:0:Kind"] = "Sales",
        ["AlignBot:Organization:Teams:0:TimeZone"] = "America/Chicago",
        ["AlignBot:Organization:Teams:0:Members:0:Id"] = Seller.Id,
        ["AlignBot:Organization:Teams:0:Members:1:Id"] = SecondSeller.Id,
        ["AlignBot:Organization:Teams:1:Id"] = "product-marketing",
        ["AlignBot:Organization:Teams:1:Name"] = "Product Marketing",
        ["AlignBot:Organization:Teams:1:Kind"] = "Marketing",
        ["AlignBot:Organization:Teams:1:TimeZone"] = "Europe/London",
        ["AlignBot:Organization:Teams:1:HolidaysIcs"] = Path.Combine(AppContext.BaseDirectory, "Standups", "holidays.ics"),
        ["AlignBot:Organization:Teams:1:Leads:0:Id"] = MarketingLead.Id,
        ["AlignBot:Organization:Teams:1:Leads:0:Name"] = MarketingLead.Name,
        ["AlignBot:Organization:Teams:1:Members:0:Id"] = Olga.Id,
        ["AlignBot:Organization:Teams:1:Members:0:Name"] = Olga.Name,
        ["AlignBot:Organization:Teams:1:Members:1:Id"] = Omar.Id,
        ["AlignBot:Organization:Teams:1:Members:1:Name"] = Omar.Name,
        ["AlignBot:Organization:Teams:1:Members:2:Id"] = Vera.Id,
        ["AlignBot:Organization:Teams:1:Members:2:Name"] = Vera.Name,
        ["AlignBot:Feedback:Topics:0"] = "Analytics",
        ["AlignBot:Feedback:Topics:1"] = "Platform",
        ["AlignBot:Feedback:Personas:0"] = "CFO",
        ["AlignBot:Feedback:Personas:1"] = "IT Director",
        ["AlignBot:Feedback:DefaultOwner"] = Omar.Id,
        ["AlignBot:Feedback:Backups:aad-olga"] = Omar.Id,
        ["AlignBot:Feedback:Queues:0:Name"] = "intel",
        ["AlignBot:Feedback:Queues:0:Members:0"] = Olga.Id,
        ["AlignBot:Feedback:Queues:0:Members:1"] = Omar.Id,
        ["AlignBot:Feedback:Rules:0:Name"] = "Competitive intel to the intel queue",
        ["AlignBot:Feedback:Rules:0:Kinds:0"] = "CompetitiveIntel",
        ["AlignBot:Feedback:Rules:0:Queue"] = "intel",
        ["AlignBot:Feedback:Rules:1:Name"] = "Analytics content",
        ["AlignBot:Feedback:Rules:1:Topics:0"] = "Analytics",
        ["AlignBot:Feedback:Rules:1:Owner"] = Olga.Id,
    };

    public static async Task<FeedbackWorld> StartAsync(CancellationToken cancellationToken, DateTimeOffset start, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = Settings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bot = await BotTestContext.StartAsync(cancellationToken, settings, start);
        var world = new FeedbackWorld(bot);
        foreach (var person in Everyone)
        {
            await world.SayAsync(person, "hello", cancellationToken);
        }

        await bot.Connector.WaitForRequestsAsync(Everyone.Length, cancellationToken); // the help answers to "hello"
        return world;
    }

    public Task<HttpResponseMessage> SayAsync(Person person, string text, CancellationToken cancellationToken) =>
        Bot.PostActivityAsync(Bot.Payload("message.personal.json", a =>
        {
            a["id"] = $"msg-{Interlocked.Increment(ref _next)}";
            a["text"] = text;
            a["from"] = From(person);
            a["conversation"] = Chat(person);
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = person.TimeZone });
        }), cancellationToken);

    /// <summary>A button press (Universal Actions) on a card in the person's 1:1 chat; returns the invoke response.</summary>
    public async Task<JsonNode> PressAsync(Person person, string verb, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken, string? cardActivityId = null)
    {
        var payload = new JsonObject();
        foreach (var (id, value) in data)
        {
            payload[id] = value;
        }

        var response = await Bot.PostActivityAsync(Bot.Payload("invoke.adaptiveCard-action.Action.Execute.personal.json", a =>
        {
            a["id"] = $"invoke-{Interlocked.Increment(ref _next)}";
            a["from"] = From(person);
            a["conversation"] = Chat(person);
            a["replyToId"] = cardActivityId ?? $"card-{person.Id}";
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = payload } };
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = person.TimeZone });
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
    }

    /// <summary>
    /// "Send to AlignBot" chosen on a channel message (the real fetchTask payload, with a message added as Teams sends
    /// it from a message's menu); returns the HTTP response.
    /// </summary>
    public Task<HttpResponseMessage> FetchTaskAsync(Person person, string messageHtml, string messageLink, CancellationToken cancellationToken, string? deliveryId = null) =>
        Bot.PostActivityAsync(Bot.Payload("invoke.composeExtension.fetchTask.channel.json", a =>
        {
            a.Remove("serviceURL"); // this payload spells it so; Payload sets serviceUrl to the fake connector
            a["id"] = deliveryId ?? $"fetch-{Interlocked.Increment(ref _next)}";
            a["from"] = From(person);
            a["conversation"]!["tenantId"] = Tenant;
            a["channelData"]!["tenant"]!["id"] = Tenant;
            a["value"]!["commandId"] = FeedbackActions.SendToAlignBot;
            a["value"]!["commandContext"] = "message";
            a["value"]!["messagePayload"] = new JsonObject
            {
                ["id"] = "1592441283345",
                ["messageType"] = "message",
                ["linkToMessage"] = messageLink,
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = messageHtml },
            };
        }), cancellationToken);

    /// <summary>The dialog's form sent from a group chat (the real submitAction payload with the form's data).</summary>
    public Task<HttpResponseMessage> SubmitActionAsync(Person person, IReadOnlyDictionary<string, string> data, CancellationToken cancellationToken, string? deliveryId = null)
    {
        var payload = new JsonObject();
        foreach (var (id, value) in data)
        {
            payload[id] = value;
        }

        return Bot.PostActivityAsync(Bot.Payload("invoke.composeExtension.submitAction.groupChat.clientInfo-timezone.json", a =>
        {
            a["id"] = deliveryId ?? $"submit-{Interlocked.Increment(ref _next)}";
            a["from"] = From(person);
            a["conversation"]!["tenantId"] = Tenant;
            a["channelData"]!["tenant"]!["id"] = Tenant;
            a["value"]!["commandId"] = FeedbackActions.SendToAlignBot;
            a["value"]!["commandContext"] = "message";
            a["value"]!["data"] = payload;
        }), cancellationToken);
    }

    /// <summary>A valid content request about Analytics, as the feedback card sends it.</summary>
    public static Dictionary<string, string> Request(string description = "Customer asked for an ROI calculator for the analytics add-on", string topic = "Analytics", string kind = "ContentRequest") => new()
    {
        [FeedbackForm.Kind] = kind,
        [FeedbackForm.Topic] = topic,
        [FeedbackForm.Persona] = "CFO",
        [FeedbackForm.Urgency] = "Normal",
        [FeedbackForm.Customer] = "Contoso",
        [FeedbackForm.Amount] = "25000",
        [FeedbackForm.Description] = description,
    };

    public static Dictionary<string, string> Item(long number, params (string Key, string Value)[] more)
    {
        var data = new Dictionary<string, string> { [FeedbackActions.Item] = number.ToString(CultureInfo.InvariantCulture) };
        foreach (var (key, value) in more)
        {
            data[key] = value;
        }

        return data;
    }

    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = Bot.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackTickJob>().RunAsync(cancellationToken);
    }

    public async Task RunUntilAsync(DateTimeOffset until, TimeSpan step, CancellationToken cancellationToken)
    {
        while (Bot.Clock.GetUtcNow() < until)
        {
            var next = Bot.Clock.GetUtcNow() + step;
            Bot.Clock.SetUtcNow(next < until ? next : until);
            await TickAsync(cancellationToken);
        }
    }

    /// <summary>The platform id of the message sent for an outbox key, once the dispatcher has recorded it.</summary>
    public async Task<string> SentActivityIdAsync(string key, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var id = await Bot.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.Outbox.Where(o => o.Key == key).Select(o => o.SentActivityId), timeout.Token));
            if (id is not null)
            {
                return id;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public Task<FeedbackItem?> ItemAsync(long number) =>
        Bot.QueryAsync(db => db.FeedbackItems.FindAsync([number]).AsTask());

    public static string Text(JsonNode node) => node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    private static JsonObject From(Person person) => new() { ["id"] = person.UserId, ["name"] = person.Name, ["aadObjectId"] = person.Id };

    private static JsonObject Chat(Person person) => new() { ["id"] = person.ChatId, ["conversationType"] = "personal", ["tenantId"] = Tenant };

    internal sealed record Person(string Id, string Name, string TimeZone)
    {
        public string UserId => "29:" + Id;

        public string ChatId => "a:" + Id;
    }
}
