using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Core.Standups;
using AlignBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Standups.StandupWorld;

namespace AlignBot.Host.Tests.Standups;

/// <summary>Answering on the card: validation, the threaded report, late answers, edits, blockers, skip and snooze.</summary>
public sealed class StandupAnswerTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string LeadKey => PromptKey(Lead, "2026-03-02");

    [Fact]
    public async Task Submit_RequiredAnswerMissing_CardShowsErrorAndKeepsWhatWasTyped()
    {
        await using var world = await PromptedAsync();

        var response = await world.PressAsync(Lead, StandupActions.Submit, LeadKey, StandupWeekTests.Answers("Closed Contoso", "  "), Token);

        var card = Text(response);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        Assert.Contains("What will you do today?\\\" needs an answer.", card, StringComparison.Ordinal); // the error names the question
        Assert.Contains("\"value\":\"Closed Contoso\"", card, StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Prompted, await StatusAsync(world, LeadKey));
    }

    [Fact]
    public async Task Submit_AnswerOver4000Characters_IsRefusedOnTheCard()
    {
        await using var world = await PromptedAsync();

        var response = await world.PressAsync(Lead, StandupActions.Submit, LeadKey, StandupWeekTests.Answers(new string('x', 4001), "Call Acme"), Token);

        Assert.Contains("4,001 characters; the most is 4,000", Text(response), StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Prompted, await StatusAsync(world, LeadKey));
    }

    [Fact]
    public async Task Submit_Valid_ThanksOnCardAnswerThreadedInChannelSummaryUpdated()
    {
        await using var world = await PromptedAsync();

        var response = await world.PressAsync(Lead, StandupActions.Submit, LeadKey, StandupWeekTests.Answers("Closed Contoso", "Demo for Fabrikam"), Token);

        Assert.Contains("Thanks — Sales daily answered", Text(response), StringComparison.Ordinal);
        var answer = await WaitForRequestAsync(world, r => r.Method == "POST" && r.VisibleText.Contains("Closed Contoso", StringComparison.Ordinal));
        var parent = await world.Bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Key == StandupReport.Key(Host.Organization.OrganizationSeeder.StandupId("sales-emea", "Sales daily"), new DateOnly(2026, 3, 2)), Token));
        Assert.Equal($"/teams/v3/conversations/{Channel}/activities/{parent.SentActivityId}", answer.Path);
        await WaitForRequestAsync(world, r => r.Method == "PUT" && r.Path.EndsWith(parent.SentActivityId!, StringComparison.Ordinal) && r.VisibleText.Contains("1 answered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_AfterDeadline_IsAcceptedAndMarkedLate()
    {
        await using var world = await PromptedAsync();
        world.Bot.Clock.SetUtcNow(Utc("2026-03-02T12:30:00Z")); // the window closed at 12:00Z

        var response = await world.PressAsync(Lead, StandupActions.Submit, LeadKey, StandupWeekTests.Answers("a", "b"), Token);

        Assert.Contains("late", Text(response), StringComparison.Ordinal);
        Assert.True(await world.Bot.QueryAsync(db => db.StandupPrompts.Where(p => p.Key == LeadKey).Select(p => p.Late).SingleAsync(Token)));
        await WaitForRequestAsync(world, r => r.VisibleText.Contains("Lena Lead (late)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_AfterSubmitting_UpdatesThePostedAnswerInPlace()
    {
        await using var world = await PromptedAsync();
        await world.PressAsync(Lead, StandupActions.Submit, LeadKey, StandupWeekTests.Answers("first version", "b"), Token);
        var posted = await WaitForRequestAsync(world, r => r.Method == "POST" && r.VisibleText.Contains("first version", StringComparison.Ordinal));

        var editCard = await world.PressAsync(Lead, StandupActions.Edit, LeadKey, null, Token);
        await world.PressAsync(Lead, StandupActions.Submit, LeadKey, StandupWeekTests.Answers("second version", "b"), Token);

        Assert.Contains("\"value\":\"first version\"", Text(editCard), StringComparison.Ordinal);
        var answerRow = await world.Bot.QueryAsync(db => db.Outbox.SingleAsync(o => o.Key == LeadKey + ":answer", Token));
        var update = await WaitForRequestAsync(world, r => r.Method == "PUT" && r.VisibleText.Contains("second version", StringComparison.Ordinal));
        Assert.EndsWith("/activities/" + answerRow.SentActivityId, update.Path, StringComparison.Ordinal);
        Assert.Contains("(edited)", update.VisibleText, StringComparison.Ordinal);
        Assert.NotEqual(posted.Path, update.Path);
    }

    [Fact]
    public async Task Submit_WithBlocker_LeadsAreToldAndNextPromptAsksIfResolved()
    {
        await using var world = await PromptedAsync(at: "2026-03-02T14:00:00Z"); // New York 09:00
        var key = PromptKey(NewYork, "2026-03-02");

        await world.PressAsync(NewYork, StandupActions.Submit, key, StandupWeekTests.Answers("a", "b", "Waiting on legal for the case study"), Token);
        var toLead = await WaitForRequestAsync(world, r => r.Path.Contains(Lead.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Nia York is blocked", StringComparison.Ordinal));
        await world.RunUntilAsync(Utc("2026-03-03T14:05:00Z"), TimeSpan.FromMinutes(30), Token);

        Assert.Contains("Waiting on legal", toLead.VisibleText, StringComparison.Ordinal);
        await WaitForRequestAsync(world, r => r.Path.Contains(NewYork.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Yesterday you were blocked by: Waiting on legal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_SomeoneElsesCard_IsRefused()
    {
        await using var world = await PromptedAsync();

        var response = await world.PressAsync(Tokyo, StandupActions.Submit, LeadKey, StandupWeekTests.Answers("a", "b"), Token);

        Assert.Contains("belongs to someone else", Text(response), StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Prompted, await StatusAsync(world, LeadKey));
    }

    [Fact]
    public async Task Submit_PausedStandup_ErrorOnCardWithTypedTextKept()
    {
        await using var world = await PromptedAsync();
        await world.Bot.QueryAsync(db => db.Standups.ExecuteUpdateAsync(s => s.SetProperty(x => x.Paused, true), Token));

        var response = await world.PressAsync(Lead, StandupActions.Submit, LeadKey, StandupWeekTests.Answers("typed before the pause", "b"), Token);

        Assert.Contains("is paused", Text(response), StringComparison.Ordinal);
        Assert.Contains("\"value\":\"typed before the pause\"", Text(response), StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Prompted, await StatusAsync(world, LeadKey));
    }

    [Fact]
    public async Task Submit_UnknownPrompt_SaysTheCardIsNoLongerOpen()
    {
        await using var world = await PromptedAsync();

        var response = await world.PressAsync(Lead, StandupActions.Submit, "standup:nope", StandupWeekTests.Answers("a", "b"), Token);

        Assert.Equal("application/vnd.microsoft.activity.message", (string?)response["type"]);
        Assert.Contains("no longer open", (string?)response["value"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_MarksSkippedAndTheSummaryCountsIt()
    {
        await using var world = await PromptedAsync();

        var response = await world.PressAsync(Lead, StandupActions.Skip, LeadKey, null, Token);

        Assert.Contains("Skipped today", Text(response), StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Skipped, await StatusAsync(world, LeadKey));
        await WaitForRequestAsync(world, r => r.Method == "PUT" && r.VisibleText.Contains("1 skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snooze_AsksAgainThirtyMinutesLater()
    {
        await using var world = await PromptedAsync();

        var response = await world.PressAsync(Lead, StandupActions.Snooze, LeadKey, null, Token);
        await world.RunUntilAsync(Utc("2026-03-02T08:29:00Z"), TimeSpan.FromMinutes(1), Token);
        var before = await world.Bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Key!.StartsWith(LeadKey + ":reminder"), Token));
        await world.RunUntilAsync(Utc("2026-03-02T08:31:00Z"), TimeSpan.FromMinutes(1), Token);
        var after = await world.Bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Key!.StartsWith(LeadKey + ":reminder"), Token));

        Assert.Contains("I'll ask again at 09:30", Text(response), StringComparison.Ordinal); // Berlin time
        Assert.Equal(0, before);
        Assert.Equal(1, after);
    }

    private static async Task<StandupWorld> PromptedAsync(string at = "2026-03-02T08:00:00Z")
    {
        var world = await StartAsync(Token, Utc(at).AddMinutes(-1));
        world.Bot.Clock.SetUtcNow(Utc(at));
        await world.TickAsync(Token);
        return world;
    }

    private static Task<PromptStatus> StatusAsync(StandupWorld world, string key) =>
        world.Bot.QueryAsync(db => db.StandupPrompts.Where(p => p.Key == key).Select(p => p.Status).SingleAsync(Token));

    private static string Text(JsonNode response) => response.ToJsonString(Readable);

    private static Task<Infrastructure.ConnectorRequest> WaitForRequestAsync(StandupWorld world, Func<Infrastructure.ConnectorRequest, bool> match) =>
        world.Bot.Connector.WaitForAsync(match, Token);
}
