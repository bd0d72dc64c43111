using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Core.Organization;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Tests.Standups;

/// <summary>A lead sets the team up from its channel and creates a stand-up on cards; then the stand-up runs.</summary>
public sealed class TeamSetupTests
{
    private const string Channel = "19:marketing@thread.tacv2";
    private const string TeamThread = "19:marketing-team@thread.tacv2";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Setup_InChannel_CardWithRosterThenSaveThenNewStandupThenStandupNowPromptsEveryone()
    {
        await using var bot = await StartAsync();

        await bot.PostActivityAsync(ChannelMessage(bot, "mara", "<at>AlignBot</at> setup"), Token);
        var setupCard = (await bot.Connector.WaitForRequestsAsync(2, Token)).Single(r => r.Method == "POST"); // the roster, then the card
        var saved = await PressAsync(bot, "mara", TeamActions.Save, new()
        {
            [TeamCards.NameInput] = "Product Marketing",
            [TeamCards.KindInput] = "Marketing",
            [TeamCards.ZoneInput] = "Europe/Paris",
            [TeamCards.MembersInput] = "aad-mara,aad-ben,aad-chloe",
            [TeamCards.LeadsInput] = "aad-mara",
        });
        var form = await PressAsync(bot, "mara", TeamActions.NewStandup, []);
        var created = await PressAsync(bot, "mara", TeamActions.SaveStandup, new()
        {
            [TeamCards.StandupNameInput] = "Marketing daily",
            [TeamCards.StandupTimeInput] = "10:30",
            [TeamCards.StandupDaysInput] = "Monday,Wednesday,Friday",
            [TeamCards.StandupWindowInput] = "120",
            [TeamCards.StandupReminderInput] = "30",
            [TeamCards.StandupQuestionsInput] = "What shipped?\nWhat's next?\n!?Anything blocking you?",
        });

        Assert.Contains("Ben Brand", setupCard.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Product Marketing is set up", saved, StringComparison.Ordinal);
        Assert.Contains("New stand-up for Product Marketing", form, StringComparison.Ordinal);
        Assert.Contains("Marketing daily created for Product Marketing", created, StringComparison.Ordinal);
        var team = await bot.QueryAsync(db => db.Teams.Include(t => t.Members).SingleAsync(Token));
        Assert.Equal(Channel, team.HomeConversationId);
        Assert.Equal(["aad-ben:Member", "aad-chloe:Member", "aad-mara:Lead"], team.Members.Select(m => $"{m.MemberId}:{m.Role}").Order());
        var standup = await bot.QueryAsync(db => db.Standups.SingleAsync(Token));
        Assert.Equal(new TimeOnly(10, 30), standup.PromptAt);
        Assert.Contains("\"isBlockers\":true", standup.QuestionsJson, StringComparison.Ordinal);
        Assert.Equal(["team.create", "standup.create"], await bot.QueryAsync(db => db.Audit.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Token)));

        await bot.PostActivityAsync(ChannelMessage(bot, "mara", "<at>AlignBot</at> standup now"), Token);

        // Two roster reads, the setup card, 3 × (create a 1:1 chat + the prompt), the report post and its summary, the "Sent 3" reply.
        var requests = await bot.Connector.WaitForRequestsAsync(2 + 1 + (3 * 2) + 2 + 1, Token);
        Assert.Contains(requests, r => r.VisibleText.Contains("Sent 3 stand-up prompts (Marketing daily)", StringComparison.Ordinal));
        Assert.Equal(3, requests.Count(r => r.Method == "POST" && r.Path == "/teams/v3/conversations"));
        Assert.Contains(requests, r => r.Body?["members"]?[0]?["id"]?.GetValue<string>() == "29:ben");
    }

    [Fact]
    public async Task NewStandup_ForSomeOfTheTeam_PromptsOnlyThem_AndAStrangerIsRefusedOnTheCard()
    {
        await using var bot = await StartAsync();
        await bot.PostActivityAsync(ChannelMessage(bot, "mara", "<at>AlignBot</at> setup"), Token);
        await bot.Connector.WaitForRequestsAsync(2, Token);
        await PressAsync(bot, "mara", TeamActions.Save, new()
        {
            [TeamCards.NameInput] = "Product Marketing",
            [TeamCards.KindInput] = "Marketing",
            [TeamCards.ZoneInput] = "Europe/Paris",
            [TeamCards.MembersInput] = "aad-mara,aad-ben,aad-chloe",
            [TeamCards.LeadsInput] = "aad-mara",
        });
        var form = await PressAsync(bot, "mara", TeamActions.NewStandup, []);
        Dictionary<string, string> Inputs(string participants) => new()
        {
            [TeamCards.StandupNameInput] = "Brand sync",
            [TeamCards.StandupTimeInput] = "10:30",
            [TeamCards.StandupDaysInput] = "Monday",
            [TeamCards.StandupQuestionsInput] = "What shipped?",
            [TeamCards.StandupParticipantsInput] = participants,
        };

        var refused = await PressAsync(bot, "mara", TeamActions.SaveStandup, Inputs("aad-ben,aad-nobody"));
        var created = await PressAsync(bot, "mara", TeamActions.SaveStandup, Inputs("aad-ben,aad-chloe"));

        Assert.Contains("Who takes part", form, StringComparison.Ordinal);
        Assert.Contains("aad-nobody is not in Product Marketing: pick people from the list.", refused, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"aad-ben,aad-nobody\"", refused, StringComparison.Ordinal);
        Assert.Contains("2 of the team", created, StringComparison.Ordinal);
        await bot.PostActivityAsync(ChannelMessage(bot, "mara", "<at>AlignBot</at> standup now"), Token);
        var sent = await bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Sent 2 stand-up prompts (Brand sync)", StringComparison.Ordinal), Token);
        Assert.NotNull(sent);
    }

    [Fact]
    public async Task Setup_SaveWithoutLead_ErrorOnCardAndTypedNameKept()
    {
        await using var bot = await StartAsync();

        var response = await PressAsync(bot, "mara", TeamActions.Save, new()
        {
            [TeamCards.NameInput] = "Typed team name",
            [TeamCards.ZoneInput] = "Mars/Olympus",
            [TeamCards.MembersInput] = "aad-ben",
            [TeamCards.LeadsInput] = "",
        });

        Assert.Contains("Name at least one lead.", response, StringComparison.Ordinal);
        Assert.Contains("is not a time zone I know", response, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Typed team name\"", response, StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Teams.CountAsync(Token)));
    }

    [Fact]
    public async Task Setup_ExistingTeamByNonLead_IsRefused()
    {
        await using var bot = await StartAsync();
        await PressAsync(bot, "mara", TeamActions.Save, new() { [TeamCards.NameInput] = "PMM", [TeamCards.ZoneInput] = "Europe/Paris", [TeamCards.LeadsInput] = "aad-mara" });

        var response = await PressAsync(bot, "ben", TeamActions.Save, new() { [TeamCards.NameInput] = "Ben's team", [TeamCards.ZoneInput] = "Europe/Paris", [TeamCards.LeadsInput] = "aad-ben" });

        Assert.Contains("Only the leads of PMM", response, StringComparison.Ordinal);
        Assert.Equal("PMM", await bot.QueryAsync(db => db.Teams.Select(t => t.Name).SingleAsync(Token)));
    }

    [Fact]
    public async Task NewStandup_NoQuestionsAndNoDays_ErrorsOnCard()
    {
        await using var bot = await StartAsync();
        await PressAsync(bot, "mara", TeamActions.Save, new() { [TeamCards.NameInput] = "PMM", [TeamCards.ZoneInput] = "Europe/Paris", [TeamCards.LeadsInput] = "aad-mara" });

        var response = await PressAsync(bot, "mara", TeamActions.SaveStandup, new()
        {
            [TeamCards.StandupNameInput] = "Weekly",
            [TeamCards.StandupTimeInput] = "25:99",
            [TeamCards.StandupDaysInput] = "",
            [TeamCards.StandupQuestionsInput] = "  ",
        });

        Assert.Contains("Pick the time as HH:mm", response, StringComparison.Ordinal);
        Assert.Contains("Pick at least one day.", response, StringComparison.Ordinal);
        Assert.Contains("A stand-up needs at least one question.", response, StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Standups.CountAsync(Token)));
    }

    [Fact]
    public async Task Setup_InPersonalChat_ExplainsWhereToRunIt()
    {
        await using var bot = await StartAsync();

        await bot.PostActivityAsync(bot.Payload("message.personal.json", a => a["text"] = "setup"), Token);

        var request = Assert.Single(await bot.Connector.WaitForRequestsAsync(1, Token));
        Assert.Contains("Run setup in your team's channel", request.VisibleText, StringComparison.Ordinal);
    }

    private static async Task<BotTestContext> StartAsync()
    {
        var bot = await BotTestContext.StartAsync(Token, start: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        bot.Connector.Members.Add(("29:mara", "Mara Marketing", "aad-mara"));
        bot.Connector.Members.Add(("29:ben", "Ben Brand", "aad-ben"));
        bot.Connector.Members.Add(("29:chloe", "Chloe Content", "aad-chloe"));
        return bot;
    }

    private JsonObject ChannelMessage(BotTestContext bot, string who, string text) =>
        bot.Payload("message.channel.at-mention.json", a =>
        {
            a["id"] = $"channel-{Interlocked.Increment(ref _next)}";
            a["text"] = text;
            a["from"] = new JsonObject { ["id"] = "29:" + who, ["name"] = who, ["aadObjectId"] = "aad-" + who };
            a["recipient"] = new JsonObject { ["id"] = "28:alignbot", ["name"] = "AlignBot" };
            a["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>AlignBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:alignbot" } });
            a["conversation"] = new JsonObject { ["id"] = Channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
            a["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = TeamThread }, ["channel"] = new JsonObject { ["id"] = Channel }, ["tenant"] = new JsonObject { ["id"] = "tenant-1" } };
        });

    private async Task<string> PressAsync(BotTestContext bot, string who, string verb, Dictionary<string, string> inputs)
    {
        var data = new JsonObject();
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }

        var response = await bot.PostActivityAsync(bot.Payload("invoke.adaptiveCard-action.Action.Execute.personal.json", a =>
        {
            a["id"] = $"invoke-{Interlocked.Increment(ref _next)}";
            a["from"] = new JsonObject { ["id"] = "29:" + who, ["name"] = who, ["aadObjectId"] = "aad-" + who };
            a["conversation"] = new JsonObject { ["id"] = Channel, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
            a["channelData"] = new JsonObject { ["team"] = new JsonObject { ["id"] = TeamThread }, ["tenant"] = new JsonObject { ["id"] = "tenant-1" } };
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        }), Token);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!.ToJsonString(Readable);
    }
}
