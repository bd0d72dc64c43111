using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Core.Standups;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Standups.StandupWorld;

namespace AlignBot.Host.Tests.Standups;

/// <summary>
/// A lead edits a stand-up's questions on a card ("standup edit"): reorders, adds a choice, saves (audited); the next
/// prompt asks the new questions while a prompt sent before the edit keeps its own; members are refused; bad input stays.
/// </summary>
public sealed class StandupEditTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Edit_LeadReordersAndAddsAChoice_NextPromptAsksInTheNewOrderWithTheChoice()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));
        var card = await OpenEditCardAsync(world, Lead);

        var moved = await PressOnCardAsync(world, Lead, card, StandupActions.QuestionUp, row: 1, new() { [StandupQuestionEditor.TextInput(2)] = "Anything in your way?" });
        var added = await PressOnCardAsync(world, Lead, moved, StandupActions.QuestionAdd, row: null, []);
        var saved = await PressOnCardAsync(world, Lead, added, StandupActions.QuestionsSave, row: null, new()
        {
            [StandupQuestionEditor.TextInput(3)] = "How confident are you in this quarter's number?",
            [StandupQuestionEditor.KindInput(3)] = StandupQuestionEditor.KindChoice,
            [StandupQuestionEditor.OptionsInput(3)] = "High, Medium, Low",
            [StandupQuestionEditor.RequiredInput(3)] = "false",
        });

        Assert.Equal(["What will you do today?", "What did you do since the last stand-up?", "Anything in your way?"], TextValues(moved)); // typed in another row, kept
        Assert.Equal(["What will you do today?", "What did you do since the last stand-up?", "Anything in your way?", ""], TextValues(added));
        Assert.Contains("Sales daily: questions saved", Text(saved), StringComparison.Ordinal);
        Assert.Contains("optional · choice: High, Medium, Low", Text(saved), StringComparison.Ordinal);
        var audit = await world.Bot.QueryAsync(db => db.Audit.SingleAsync(Token));
        Assert.Equal(("standup.questions", Lead.Id), (audit.Action, audit.ActorAadObjectId));
        Assert.StartsWith("Sales daily: 1. What will you do today? (required · free text); 2. What did you do", audit.Details, StringComparison.Ordinal);

        world.Bot.Clock.SetUtcNow(Utc("2026-03-02T08:00:00Z")); // 09:00 in Berlin
        await world.TickAsync(Token);

        var prompt = await world.Bot.Connector.WaitForAsync(r => r.IsMessageIn(Lead.ChatId) && r.VisibleText.Contains("time for your stand-up", StringComparison.Ordinal), Token);
        var inputs = Inputs(prompt.Card!).ToList();
        Assert.Equal(["q_today", "q_yesterday", "q_blockers"], inputs.Take(3).Select(i => (string?)i["id"]));
        Assert.Equal("Input.ChoiceSet", (string?)inputs[3]["type"]);
        Assert.Equal(["High", "Medium", "Low"], inputs[3]["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Equal("Anything in your way? (optional)", (string?)inputs[2]["label"]);
    }

    [Fact]
    public async Task Submit_PromptSentBeforeTheEdit_AnswersStoredAgainstTheQuestionsItWasSentWith()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T07:59:00Z"));
        world.Bot.Clock.SetUtcNow(Utc("2026-03-02T08:00:00Z"));
        await world.TickAsync(Token);
        var card = await OpenEditCardAsync(world, Lead);
        var removed = await PressOnCardAsync(world, Lead, card, StandupActions.QuestionRemove, row: 0, []);
        var added = await PressOnCardAsync(world, Lead, removed, StandupActions.QuestionAdd, row: null, []);
        await PressOnCardAsync(world, Lead, added, StandupActions.QuestionsSave, row: null, new() { [StandupQuestionEditor.TextInput(2)] = "Biggest deal this week?" });

        var answered = await world.PressAsync(Lead, StandupActions.Submit, PromptKey(Lead, "2026-03-02"), StandupWeekTests.Answers("Closed Contoso", "Demo for Fabrikam"), Token);

        Assert.Contains("Thanks — Sales daily answered", Text(answered), StringComparison.Ordinal);
        Assert.Contains("What did you do since the last stand-up?", Text(answered), StringComparison.Ordinal);
        Assert.DoesNotContain("Biggest deal this week?", Text(answered), StringComparison.Ordinal);
        var stored = await world.Bot.QueryAsync(db => db.StandupPrompts.SingleAsync(p => p.Key == PromptKey(Lead, "2026-03-02"), Token));
        Assert.Equal(PromptStatus.Answered, stored.Status);
        var answers = JsonSerializer.Deserialize<Dictionary<string, string>>(stored.AnswersJson)!;
        Assert.Equal("Closed Contoso", answers["yesterday"]);
        Assert.Equal("Demo for Fabrikam", answers["today"]);
        Assert.Equal(3, answers.Count);
        var standup = await world.Bot.QueryAsync(db => db.Standups.SingleAsync(Token));
        Assert.DoesNotContain("\"yesterday\"", standup.QuestionsJson, StringComparison.Ordinal);
        Assert.Contains("\"yesterday\"", stored.QuestionsJson, StringComparison.Ordinal);
        await world.Bot.Connector.WaitForAsync(r => r.Path.Contains(Channel, StringComparison.Ordinal) && r.VisibleText.Contains("Closed Contoso", StringComparison.Ordinal), Token);

        await world.SayAsync(Lead, "standup report Sales daily 2026-03-02 2026-03-02", Token);

        var report = await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Sales daily: 2026-03-02 to 2026-03-02", StringComparison.Ordinal), Token);
        Assert.Contains("Closed Contoso", report.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ByMember_IsRefusedWithTheReasonAndChangesNothing()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));
        var card = await OpenEditCardAsync(world, Lead);

        await world.SayAsync(NewYork, "standup edit Sales daily", Token);
        var forged = await PressOnCardAsync(world, NewYork, card, StandupActions.QuestionsSave, row: null, new() { [StandupQuestionEditor.TextInput(0)] = "Hijacked?" });

        await world.Bot.Connector.WaitForAsync(r => r.IsMessageIn(NewYork.ChatId) && r.VisibleText.Contains("Only a team's leads (or an admin) can manage its stand-ups.", StringComparison.Ordinal), Token);
        Assert.Equal("Only the leads of Sales EMEA (or an admin) can change its questions.", (string?)forged["value"]);
        Assert.DoesNotContain("Hijacked?", (await world.Bot.QueryAsync(db => db.Standups.SingleAsync(Token))).QuestionsJson, StringComparison.Ordinal);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.Audit.CountAsync(Token)));
    }

    [Fact]
    public async Task Save_Invalid_ErrorsOnTheCardWithTheTypedValuesKept()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));
        var card = await OpenEditCardAsync(world, Lead);
        var before = (await world.Bot.QueryAsync(db => db.Standups.SingleAsync(Token))).QuestionsJson;

        var response = await PressOnCardAsync(world, Lead, card, StandupActions.QuestionsSave, row: null, new()
        {
            [StandupQuestionEditor.TextInput(0)] = "   ",
            [StandupQuestionEditor.TextInput(1)] = "Kept typed text",
            [StandupQuestionEditor.KindInput(2)] = StandupQuestionEditor.KindChoice,
            [StandupQuestionEditor.OptionsInput(2)] = "Yes, yes",
        });

        var text = Text(response);
        Assert.Contains("Question 1 has no text.", text, StringComparison.Ordinal);
        Assert.Contains("Question 3 is a choice: give at least 2 different options, separated by commas.", text, StringComparison.Ordinal);
        Assert.Equal(["   ", "Kept typed text", "Anything blocking you?"], TextValues(response));
        Assert.Contains("\"value\":\"Yes, yes\"", text, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"choice\"", text, StringComparison.Ordinal);
        Assert.Equal(before, (await world.Bot.QueryAsync(db => db.Standups.SingleAsync(Token))).QuestionsJson);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.Audit.CountAsync(Token)));
    }

    [Fact]
    public async Task Edit_ThenRestart_ConfigurationDoesNotUndoTheLeadsQuestions()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));
        var card = await OpenEditCardAsync(world, Lead);
        await PressOnCardAsync(world, Lead, card, StandupActions.QuestionsSave, row: null, new() { [StandupQuestionEditor.TextInput(0)] = "What moved a deal forward?" });

        await world.Bot.RestartAsync();

        var standup = await world.Bot.QueryAsync(db => db.Standups.SingleAsync(Token));
        Assert.Contains("What moved a deal forward?", standup.QuestionsJson, StringComparison.Ordinal);
    }

    /// <summary>"standup edit" in the lead's 1:1 chat, and the card it answers with.</summary>
    private static async Task<JsonNode> OpenEditCardAsync(StandupWorld world, Member lead)
    {
        await world.SayAsync(lead, "standup edit Sales daily", Token);
        var request = await world.Bot.Connector.WaitForAsync(r => r.IsMessageIn(lead.ChatId) && r.VisibleText.Contains("Edit Sales daily", StringComparison.Ordinal), Token);
        return request.Card!;
    }

    /// <summary>
    /// Presses a button of <paramref name="card"/> as Teams does: the button's data plus every input's value (what the card
    /// shows, changed by <paramref name="typed"/>). Answers with the card that replaced it, or the response when it is a message.
    /// </summary>
    private static async Task<JsonNode> PressOnCardAsync(StandupWorld world, Member member, JsonNode card, string verb, int? row, Dictionary<string, string> typed)
    {
        var action = Nodes(card).Single(n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb
            && (row is null || (string?)n["data"]?[StandupActions.RowKey] == row.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var values = action["data"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
        foreach (var input in Inputs(card))
        {
            values[(string)input["id"]!] = (string?)input["value"] ?? ((string?)input["type"] == "Input.Toggle" ? "false" : "");
        }

        foreach (var (id, value) in typed)
        {
            values[id] = value;
        }

        var response = await world.PressAsync(member, verb, "", values, Token);
        return (string?)response["type"] == "application/vnd.microsoft.card.adaptive" ? response["value"]! : response;
    }

    private static List<string?> TextValues(JsonNode card) =>
        [.. Inputs(card).Where(i => ((string?)i["id"])!.EndsWith("_text", StringComparison.Ordinal)).Select(i => (string?)i["value"] ?? "")];

    private static IEnumerable<JsonNode> Inputs(JsonNode card) =>
        Nodes(card).Where(n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && n["id"] is not null);

    private static IEnumerable<JsonNode> Nodes(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(Nodes))
            {
                yield return child;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.OfType<JsonNode>().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    private static string Text(JsonNode node) => node.ToJsonString(Readable);
}
