using AlignBot.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Feedback.FeedbackWorld;

namespace AlignBot.Host.Tests.Feedback;

/// <summary>
/// A second seller asking for the same thing is offered a +1 instead of a new item: accepting adds them as a
/// requester (demand and deal totals grow), tells the owner at most once a day, and brings them the answer.
/// </summary>
public sealed class FeedbackDuplicateTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = Utc("2026-03-03T10:00:00Z");

    [Fact]
    public async Task SimilarItem_OffersAPlusOne_AcceptingJoinsTheItem_AndBringsTheAnswer()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request("Need an ROI calculator for the analytics add-on"), Token, "sam-card");

        var secondRequest = Request("Customer needs an ROI calculator for analytics add-on pricing");
        secondRequest[FeedbackForm.Amount] = "40000";
        var offer = Text(await world.PressAsync(SecondSeller, FeedbackActions.Submit, secondRequest, Token, "sue-card"));

        Assert.Contains("This looks like #1, already with Olga Owner", offer, StringComparison.Ordinal);
        Assert.Contains("+1 to #1", offer, StringComparison.Ordinal);
        Assert.Contains("Send as new", offer, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Customer needs an ROI calculator for analytics add-on pricing\"", offer, StringComparison.Ordinal); // what was typed is kept
        Assert.Equal(1, await world.Bot.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));

        var joined = Text(await world.PressAsync(SecondSeller, FeedbackActions.PlusOne, new Dictionary<string, string>(secondRequest) { [FeedbackActions.Item] = "1" }, Token, "sue-card"));

        Assert.Contains("Your +1 is on #1.", joined, StringComparison.Ordinal);
        Assert.Contains("2 sellers asked · 65,000 in deals", joined, StringComparison.Ordinal);
        var item = (await world.ItemAsync(1))!;
        Assert.Equal((1, 65000m), (item.PlusOnes, item.DealTotal!.Value));
        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Sue Seller added a +1", StringComparison.Ordinal), Token);
        await world.Bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("+1 on #1", StringComparison.Ordinal), Token);

        // On resolve, the requester's card shows the answer and can rate it, like the seller's.
        await world.PressAsync(Olga, FeedbackActions.Resolve, Item(1, (FeedbackActions.Link, "https://content.example/roi")), Token);
        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/sue-card", StringComparison.Ordinal) && r.VisibleText.Contains("https://content.example/roi", StringComparison.Ordinal), Token);
        var rated = Text(await world.PressAsync(SecondSeller, FeedbackActions.Rate, Item(1, (FeedbackActions.Helpful, "true")), Token, "sue-card"));
        Assert.Contains("You rated the answer helpful", rated, StringComparison.Ordinal);
        var requester = await world.Bot.QueryAsync(db => db.FeedbackRequesters.SingleAsync(Token));
        Assert.True(requester.Helpful);
        Assert.Null((await world.ItemAsync(1))!.Helpful); // the seller's own rating is theirs to give
    }

    [Fact]
    public async Task PlusOnes_NotifyTheOwnerAtMostOnceADay()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request("Need an ROI calculator for the analytics add-on"), Token, "sam-card");
        await world.PressAsync(SecondSeller, FeedbackActions.PlusOne, Item(1), Token, "sue-card");
        await world.PressAsync(MarketingLead, FeedbackActions.PlusOne, Item(1), Token, "mia-card");

        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Mia Marketing added a +1", StringComparison.Ordinal), Token);
        await world.Bot.OutboxDrainedAsync(Token); // nothing more is on its way
        Assert.Single(world.Bot.Connector.Requests, r => r.Method == "POST" && r.VisibleText.Contains("+1 on #1", StringComparison.Ordinal));
        Assert.Equal(2, (await world.ItemAsync(1))!.PlusOnes);
    }

    [Fact]
    public async Task SendAsNew_FilesASecondItem_AndTheSameSellerCannotPlusOneTwice()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request("Need an ROI calculator for the analytics add-on"), Token, "sam-card");

        var again = Text(await world.PressAsync(Seller, FeedbackActions.PlusOne, Item(1), Token));
        Assert.Contains("You're already on #1; nothing changed.", again, StringComparison.Ordinal);

        var separate = Request("Need an ROI calculator for the analytics add-on, for the public sector");
        separate[FeedbackActions.SendAsNew] = "true";
        var receipt = Text(await world.PressAsync(SecondSeller, FeedbackActions.Submit, separate, Token));
        Assert.Contains("as #2.", receipt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DifferentTopic_IsNotADuplicate()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request("Need an ROI calculator for the analytics add-on"), Token);

        var receipt = Text(await world.PressAsync(SecondSeller, FeedbackActions.Submit, Request("Need an ROI calculator for the analytics add-on", topic: "Platform"), Token));

        Assert.Contains("as #2.", receipt, StringComparison.Ordinal);
    }
}
