using System.Globalization;
using System.Text.Json.Nodes;
using AlignBot.Host.Standups;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Standups;

/// <summary>
/// A sales team in three time zones, configured as code, whose members have each talked to the bot once (so it knows
/// their 1:1 chats and zones) and whose channel has the bot installed; the clock is fake and ticks are driven by hand.
/// </summary>
internal sealed class StandupWorld : IAsyncDisposable
{
    public const string Channel = "19:sales-emea@thread.tacv2";
    public const string Tenant = "tenant-1";

    public static readonly Member Lead = new("aad-lead", "Lena Lead", "Europe/Berlin");
    public static readonly Member NewYork = new("aad-ny", "Nia York", "America/New_York");
    public static readonly Member Tokyo = new("aad-tokyo", "Taro Tokyo", "Asia/Tokyo");
    public static readonly Member[] Everyone = [Lead, NewYork, Tokyo];

    private int _nextActivity;

    private StandupWorld(BotTestContext bot)
    {
        Bot = bot;
    }

    public BotTestContext Bot { get; }

    public static async Task<StandupWorld> StartAsync(
        CancellationToken cancellationToken, DateTimeOffset start, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Organization:Admins:0"] = "aad-admin",
            ["AlignBot:Organization:Teams:0:Id"] = "sales-emea",
            ["AlignBot:Organization:Teams:0:Name"] = "Sales EMEA",
            ["AlignBot:Organization:Teams:0:Kind"] = "Sales",
            ["AlignBot:Organization:Teams:0:HomeConversationId"] = Channel,
            ["AlignBot:Organization:Teams:0:TimeZone"] = "Europe/London",
            ["AlignBot:Organization:Teams:0:HolidaysIcs"] = Path.Combine(AppContext.BaseDirectory, "Standups", "holidays.ics"),
            ["AlignBot:Organization:Teams:0:Leads:0:Id"] = Lead.Id,
            ["AlignBot:Organization:Teams:0:Leads:0:Name"] = Lead.Name,
            ["AlignBot:Organization:Teams:0:Members:0:Id"] = NewYork.Id,
            ["AlignBot:Organization:Teams:0:Members:1:Id"] = Tokyo.Id,
            ["AlignBot:Organization:Teams:0:Standups:0:Name"] = "Sales daily",
            ["AlignBot:Organization:Teams:0:Standups:0:At"] = "09:00",
            ["AlignBot:Organization:Teams:0:Standups:0:AnswerWindow"] = "04:00:00",
            ["AlignBot:Organization:Teams:0:Standups:0:RemindAfter"] = "01:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bot = await BotTestContext.StartAsync(cancellationToken, settings, start, configureServices);
        var world = new StandupWorld(bot);
        foreach (var member in Everyone)
        {
            await world.SayAsync(member, "hello", cancellationToken);
        }

        await bot.PostActivityAsync(bot.Payload("installationUpdate.add.team.json", a =>
        {
            a["id"] = "install-channel";
            a["conversation"]!["id"] = Channel;
            a["conversation"]!["tenantId"] = Tenant;
        }), cancellationToken);
        await bot.Connector.WaitForRequestsAsync(Everyone.Length, cancellationToken); // the help answers to "hello"
        return world;
    }

    /// <summary>A 1:1 message from a member, as Teams sends it (with their client's time zone).</summary>
    public Task<HttpResponseMessage> SayAsync(Member member, string text, CancellationToken cancellationToken) =>
        Bot.PostActivityAsync(Bot.Payload("message.personal.json", a =>
        {
            a["id"] = $"msg-{Interlocked.Increment(ref _nextActivity)}";
            a["text"] = text;
            a["from"] = new JsonObject { ["id"] = member.UserId, ["name"] = member.Name, ["aadObjectId"] = member.Id };
            a["conversation"] = new JsonObject { ["id"] = member.ChatId, ["conversationType"] = "personal", ["tenantId"] = Tenant };
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = member.TimeZone });
        }), cancellationToken);

    /// <summary>A button press on a stand-up card (Universal Actions), with the card's inputs.</summary>
    public async Task<JsonNode> PressAsync(Member member, string verb, string promptKey, IReadOnlyDictionary<string, string>? inputs, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["prompt"] = promptKey };
        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }

        var response = await Bot.PostActivityAsync(Bot.Payload("invoke.adaptiveCard-action.Action.Execute.personal.json", a =>
        {
            a["id"] = $"invoke-{Interlocked.Increment(ref _nextActivity)}";
            a["from"] = new JsonObject { ["id"] = member.UserId, ["name"] = member.Name, ["aadObjectId"] = member.Id };
            a["conversation"] = new JsonObject { ["id"] = member.ChatId, ["conversationType"] = "personal", ["tenantId"] = Tenant };
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = member.TimeZone });
        }), cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
    }

    /// <summary>Runs the stand-up tick as Quartz would.</summary>
    public async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = Bot.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StandupTickJob>().RunAsync(cancellationToken);
    }

    /// <summary>Moves the clock in steps, ticking at each, until <paramref name="until"/>.</summary>
    public async Task RunUntilAsync(DateTimeOffset until, TimeSpan step, CancellationToken cancellationToken)
    {
        while (Bot.Clock.GetUtcNow() < until)
        {
            var next = Bot.Clock.GetUtcNow() + step;
            Bot.Clock.SetUtcNow(next < until ? next : until);
            await TickAsync(cancellationToken);
        }
    }

    public static string PromptKey(Member member, string date) =>
        $"standup:{Host.Organization.OrganizationSeeder.StandupId("sales-emea", "Sales daily"):N}:{member.Id}:{date}";

    public static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    internal sealed record Member(string Id, string Name, string TimeZone)
    {
        public string UserId => "29:" + Id;

        public string ChatId => "a:" + Id;
    }
}
