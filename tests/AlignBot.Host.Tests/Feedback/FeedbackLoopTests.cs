using AlignBot.Core.Feedback;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Feedback.FeedbackWorld;

namespace AlignBot.Host.Tests.Feedback;

/// <summary>
/// The closed loop through the real endpoint, the outbox and the fake connector: a seller files, the rules route it,
/// the owner acknowledges, asks, the seller answers, the owner resolves, the seller rates — with a restart of the
/// host between every step, and each card updated in place exactly once per change.
/// </summary>
public sealed class FeedbackLoopTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Tuesday 3 March 2026, 10:00 in London (UTC+0): Olga is at work.
    private static readonly DateTimeOffset Start = Utc("2026-03-03T10:00:00Z");

    [Fact]
    public async Task FileRouteAcknowledgeAskAnswerResolveRate_EachStepSurvivesARestartAndNotifiesOnce()
    {
        await using var world = await StartAsync(Token, Start);
        var connector = world.Bot.Connector;

        // File: the receipt replaces the feedback card; the rule "Analytics content" sends it to Olga.
        var receipt = Text(await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, cardActivityId: "seller-card"));
        Assert.Contains("#1", receipt, StringComparison.Ordinal);
        Assert.Contains("Sent to Olga Owner as #1.", receipt, StringComparison.Ordinal);
        var ownerCard = await connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("#1 · Content request · Analytics", StringComparison.Ordinal), Token);
        Assert.Contains("ROI calculator", ownerCard.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Acknowledge", ownerCard.VisibleText, StringComparison.Ordinal);
        var ownerActivity = await world.SentActivityIdAsync("feedback:1:owner:1", Token);
        var item = await world.ItemAsync(1);
        Assert.Equal(Olga.Id, item!.OwnerId);
        Assert.Equal("Analytics content", item.RuleName);
        Assert.Equal(Utc("2026-03-05T10:00:00Z"), item.AcknowledgeDueAt); // 8 working hours from 10:00: Tue 10–17, Thu (Wed is a holiday) 09–10

        await world.Bot.RestartAsync();

        // Acknowledge: the owner's card answers in place, the seller's card is updated in place.
        var acknowledged = Text(await world.PressAsync(Olga, FeedbackActions.Acknowledge, Item(1), Token, ownerActivity));
        Assert.Contains("Acknowledged. The seller can see it.", acknowledged, StringComparison.Ordinal);
        await connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/seller-card", StringComparison.Ordinal) && r.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal), Token);

        await world.Bot.RestartAsync();

        // Ask: the clock stops; the seller's card shows the question with an answer box.
        world.Bot.Advance(TimeSpan.FromHours(1));
        var asked = Text(await world.PressAsync(Olga, FeedbackActions.Ask, Item(1, (FeedbackActions.Question, "Which version of the add-on?")), Token, ownerActivity));
        Assert.Contains("The clock is paused until they answer.", asked, StringComparison.Ordinal);
        await connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/seller-card", StringComparison.Ordinal) && r.VisibleText.Contains("Olga Owner asks: Which version of the add-on?", StringComparison.Ordinal), Token);
        var resolveDueBefore = (await world.ItemAsync(1))!.ResolveDueAt;

        await world.Bot.RestartAsync();

        // Answer a day later: the owner's card is updated in place with the answer, the clock resumes with what was left.
        world.Bot.Clock.SetUtcNow(Utc("2026-03-05T11:00:00Z")); // Thursday 11:00 (Wednesday is a holiday)
        var answered = Text(await world.PressAsync(Seller, FeedbackActions.Answer, Item(1, (FeedbackActions.AnswerText, "Version 3, the cloud edition")), Token, "seller-card"));
        Assert.Contains("Answer sent to Olga Owner. The clock runs again.", answered, StringComparison.Ordinal);
        await connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/" + ownerActivity, StringComparison.Ordinal) && r.VisibleText.Contains("Version 3, the cloud edition", StringComparison.Ordinal), Token);
        var resumed = (await world.ItemAsync(1))!;
        Assert.Equal(FeedbackStatus.Acknowledged, resumed.Status);
        Assert.True(resumed.ResolveDueAt > resolveDueBefore, "the time spent waiting on the seller does not count against the owner");

        await world.Bot.RestartAsync();

        // Resolve with a link and a note: the seller gets the answer and the rating buttons on their card.
        var resolved = Text(await world.PressAsync(Olga, FeedbackActions.Resolve, Item(1, (FeedbackActions.Link, "https://content.example/roi-calculator"), (FeedbackActions.Note, "Here is the v3 calculator")), Token, ownerActivity));
        Assert.Contains("Resolved.", resolved, StringComparison.Ordinal);
        var sellerResolved = await connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/seller-card", StringComparison.Ordinal) && r.VisibleText.Contains("https://content.example/roi-calculator", StringComparison.Ordinal), Token);
        Assert.Contains("Not helpful", sellerResolved.VisibleText, StringComparison.Ordinal);

        await world.Bot.RestartAsync();

        // Rate: the owner sees the rating on their card.
        var rated = Text(await world.PressAsync(Seller, FeedbackActions.Rate, Item(1, (FeedbackActions.Helpful, "true"), (FeedbackActions.Comment, "Exactly what Contoso needed")), Token, "seller-card"));
        Assert.Contains("You rated the answer helpful", rated, StringComparison.Ordinal);
        await connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/" + ownerActivity, StringComparison.Ordinal) && r.VisibleText.Contains("Exactly what Contoso needed", StringComparison.Ordinal), Token);

        await world.Bot.RestartAsync();
        await world.Bot.OutboxDrainedAsync(Token); // nothing more is on its way
        Assert.Single(connector.Requests, r => r.Method == "POST" && r.VisibleText.Contains("#1 · Content request · Analytics", StringComparison.Ordinal));
        Assert.Single(connector.Requests, r => r.Method == "PUT" && r.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal));
        var history = await world.Bot.QueryAsync(db => db.FeedbackHistory.Where(h => h.ItemNumber == 1).OrderBy(h => h.Id).Select(h => h.Action).ToListAsync(Token));
        Assert.Equal(["filed", "routed to Olga Owner", "acknowledged", "asked the seller", "answered", "resolved", "rated it helpful"], history);
    }

    [Fact]
    public async Task Decline_SellerSeesTheReason_AndAReasonIsRequired()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, "seller-card");

        var refused = Text(await world.PressAsync(Olga, FeedbackActions.Decline, Item(1), Token));
        Assert.Contains("A reason is required to decline", refused, StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.Open, (await world.ItemAsync(1))!.Status);

        await world.PressAsync(Olga, FeedbackActions.Decline, Item(1, (FeedbackActions.Reason, "We retired the analytics add-on")), Token);
        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/seller-card", StringComparison.Ordinal) && r.VisibleText.Contains("Declined by Olga Owner: We retired the analytics add-on", StringComparison.Ordinal), Token);
        Assert.Equal(FeedbackStatus.Declined, (await world.ItemAsync(1))!.Status);
    }

    [Fact]
    public async Task Reassign_NewOwnerGetsTheCard_SellerIsTold_HistoryKept()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, "seller-card");

        var response = Text(await world.PressAsync(Olga, FeedbackActions.Reassign, Item(1, (FeedbackActions.ReassignTo, Omar.Id), (FeedbackActions.ReassignNote, "Omar owns the calculators")), Token));

        Assert.Contains("Reassigned to Omar Owner", response, StringComparison.Ordinal);
        var omarCard = await world.Bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(Omar.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("#1 · Content request", StringComparison.Ordinal), Token);
        Assert.Contains("Reassigned to you by Olga Owner: Omar owns the calculators", omarCard.VisibleText, StringComparison.Ordinal);
        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/seller-card", StringComparison.Ordinal) && r.VisibleText.Contains("Olga Owner passed it to Omar Owner.", StringComparison.Ordinal), Token);
        var item = (await world.ItemAsync(1))!;
        Assert.Equal(Omar.Id, item.OwnerId);
        Assert.Equal(2, item.Assignment);
    }

    [Fact]
    public async Task OwnerOutOfOffice_ItemGoesToTheBackup_AndTheSellerIsTold()
    {
        await using var world = await StartAsync(Token, Start);
        await world.SayAsync(Olga, "ooo until 2026-03-10", Token);

        var receipt = Text(await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, "seller-card"));

        Assert.Contains("Olga Owner is out of office, so Omar Owner (their backup) has it.", receipt, StringComparison.Ordinal);
        Assert.Equal(Omar.Id, (await world.ItemAsync(1))!.OwnerId);
        await world.Bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(Omar.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("#1 · Content request", StringComparison.Ordinal), Token);
    }

    [Fact]
    public async Task CompetitiveIntel_GoesRoundRobinThroughTheQueue()
    {
        await using var world = await StartAsync(Token, Start);

        string[] intel = ["Fabrikam cut list prices by 20% in retail", "Northwind launched a free tier for startups", "Contoso now bundles dashboards with every seat"];
        foreach (var (text, i) in intel.Select((t, i) => (t, i)))
        {
            await world.PressAsync(Seller, FeedbackActions.Submit, Request(text, "Platform", "CompetitiveIntel"), Token, $"card-{i}");
        }

        var owners = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            owners.Add((await world.ItemAsync(n))!.OwnerId);
        }

        Assert.Equal([Olga.Id, Omar.Id, Olga.Id], owners);
    }

    [Fact]
    public async Task MyQueueAndMyRequests_ListTheItems()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, "seller-card");

        await world.SayAsync(Olga, "my queue", Token);
        await world.SayAsync(Seller, "my requests", Token);

        await world.Bot.Connector.WaitForAsync(r => r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Your queue", StringComparison.Ordinal) && r.VisibleText.Contains("from Sam Seller · acknowledge by", StringComparison.Ordinal), Token);
        await world.Bot.Connector.WaitForAsync(r => r.Path.Contains(Seller.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Your requests", StringComparison.Ordinal) && r.VisibleText.Contains("Olga Owner · acknowledge by", StringComparison.Ordinal), Token);
    }
}
