using AlignBot.Core.Feedback;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Feedback.FeedbackWorld;

namespace AlignBot.Host.Tests.Feedback;

/// <summary>What each bad input gets: an answer on the card that says what to fix, what was typed kept, nothing stored wrongly.</summary>
public sealed class FeedbackBadInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = Utc("2026-03-03T10:00:00Z");

    [Fact]
    public async Task Submit_RequiredFieldsMissing_ErrorsOnTheCard_TypedTextKept_NothingFiled()
    {
        await using var world = await StartAsync(Token, Start);
        var typed = Request();
        typed.Remove(FeedbackForm.Kind);
        typed.Remove(FeedbackForm.Topic);

        var card = Text(await world.PressAsync(Seller, FeedbackActions.Submit, typed, Token));

        Assert.Contains("Pick what kind of feedback this is.", card, StringComparison.Ordinal);
        Assert.Contains("Pick the product or topic.", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Customer asked for an ROI calculator for the analytics add-on\"", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Contoso\"", card, StringComparison.Ordinal);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));
    }

    [Fact]
    public async Task Submit_DescriptionOver4000Characters_IsRefusedOnTheCard()
    {
        await using var world = await StartAsync(Token, Start);

        var card = Text(await world.PressAsync(Seller, FeedbackActions.Submit, Request(new string('x', 4001)), Token));

        Assert.Contains("The description is 4,001 characters; the limit is 4,000.", card, StringComparison.Ordinal);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));
    }

    [Theory]
    [InlineData("ftp://files.example/deck.pptx")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///C:/decks/pricing.pptx")]
    public async Task Submit_AssetLinkThatIsNotHttp_IsRefusedOnTheCard(string link)
    {
        await using var world = await StartAsync(Token, Start);
        var typed = Request();
        typed[FeedbackForm.Kind] = "AssetFeedback";
        typed[FeedbackForm.Asset] = link;
        typed[FeedbackForm.AssetRating] = "Outdated";

        var card = Text(await world.PressAsync(Seller, FeedbackActions.Submit, typed, Token));

        Assert.Contains("Only http and https links are accepted for the asset.", card, StringComparison.Ordinal);
        Assert.Contains(link, card, StringComparison.Ordinal);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));
    }

    [Fact]
    public async Task Resolve_ByAnotherSeller_IsRefused_ItemUnchanged()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token);

        var card = Text(await world.PressAsync(SecondSeller, FeedbackActions.Resolve, Item(1, (FeedbackActions.Note, "done")), Token));

        Assert.Contains("Only Olga Owner (the owner), a marketing lead or an admin can act on #1. Nothing changed.", card, StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.Open, (await world.ItemAsync(1))!.Status);
    }

    [Fact]
    public async Task Resolve_ByAMarketingLead_IsAllowed_AndTheOwnersCardShowsIt()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token);
        await world.Bot.Connector.WaitForAsync(r => r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("#1 ·", StringComparison.Ordinal), Token);

        await world.PressAsync(MarketingLead, FeedbackActions.Resolve, Item(1, (FeedbackActions.Link, "https://content.example/roi")), Token);

        Assert.Equal(FeedbackStatus.Resolved, (await world.ItemAsync(1))!.Status);
        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Mia Marketing: Resolved.", StringComparison.Ordinal), Token);
    }

    [Fact]
    public async Task ActionOnAResolvedItem_AnswersThatItIsResolved_AndChangesNothing()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token);
        await world.PressAsync(Olga, FeedbackActions.Resolve, Item(1, (FeedbackActions.Note, "Use the v2 calculator")), Token);

        var card = Text(await world.PressAsync(Olga, FeedbackActions.Decline, Item(1, (FeedbackActions.Reason, "changed my mind")), Token));

        Assert.Contains("#1 is already resolved; nothing changed.", card, StringComparison.Ordinal);
        var item = (await world.ItemAsync(1))!;
        Assert.Equal(FeedbackStatus.Resolved, item.Status);
        Assert.Null(item.DeclineReason);
    }

    [Fact]
    public async Task Resolve_WithALinkThatIsNotHttp_IsRefused_TypedNoteKept()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token);

        var card = Text(await world.PressAsync(Olga, FeedbackActions.Resolve, Item(1, (FeedbackActions.Link, "ftp://content.example/roi"), (FeedbackActions.Note, "Here you go")), Token));

        Assert.Contains("Only http and https links are accepted.", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Here you go\"", card, StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.Open, (await world.ItemAsync(1))!.Status);
    }

    [Fact]
    public async Task Rate_BySomeoneOtherThanTheSeller_IsRefused()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token);
        await world.PressAsync(Olga, FeedbackActions.Resolve, Item(1, (FeedbackActions.Note, "Use the v2 calculator")), Token);

        var response = Text(await world.PressAsync(SecondSeller, FeedbackActions.Rate, Item(1, (FeedbackActions.Helpful, "false")), Token));

        Assert.Contains("Only Sam Seller, who sent #1, can answer or rate it.", response, StringComparison.Ordinal);
        Assert.Null((await world.ItemAsync(1))!.Helpful);
    }

    [Fact]
    public async Task FeedbackNumber_IsShownOnlyToThoseAllowed()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token);

        await world.SayAsync(SecondSeller, "feedback 1", Token);
        await world.SayAsync(Seller, "feedback 1", Token);

        await world.Bot.Connector.WaitForAsync(r => r.Path.Contains(SecondSeller.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("There is no item #1 that you can see.", StringComparison.Ordinal), Token);
        await world.Bot.Connector.WaitForAsync(r => r.Path.Contains(Seller.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("History", StringComparison.Ordinal) && r.VisibleText.Contains("routed to Olga Owner", StringComparison.Ordinal), Token);
    }

    [Fact]
    public async Task HistoryOnTheReceipt_ShowsTheItemToItsSeller_NotToOthers()
    {
        await using var world = await StartAsync(Token, Start);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token);

        var shown = Text(await world.PressAsync(Seller, FeedbackActions.Show, Item(1), Token));
        var refused = Text(await world.PressAsync(SecondSeller, FeedbackActions.Show, Item(1), Token));

        Assert.Contains("#1 and its history are below.", shown, StringComparison.Ordinal);
        await world.Bot.Connector.WaitForAsync(r => r.IsMessageIn(Seller.ChatId) && r.VisibleText.Contains("History", StringComparison.Ordinal) && r.VisibleText.Contains("routed to Olga Owner", StringComparison.Ordinal), Token);
        Assert.Contains("Item #1 is visible to its seller, its owner, marketing leads and admins.", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutingRuleNamingAnUnknownPerson_StopsTheStart_WithTheKeyNamed()
    {
        var settings = Settings();
        settings["AlignBot:Feedback:Rules:1:Owner"] = "aad-nobody";
        settings["AlignBot:Feedback:Rules:0:Queue"] = "no-such-queue";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotTestContext.StartAsync(Token, settings));

        var message = error.ToString();
        Assert.Contains("AlignBot:Feedback:Rules:1:Owner names 'aad-nobody', who is not a member of any team", message, StringComparison.Ordinal);
        Assert.Contains("AlignBot:Feedback:Rules:0:Queue 'no-such-queue' is not one of AlignBot:Feedback:Queues.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutingCommands_ExplainTheRules_ToMarketingLeadsOnly()
    {
        await using var world = await StartAsync(Token, Start);

        await world.SayAsync(MarketingLead, "routing test kind=ContentRequest topic=Analytics need an ROI deck", Token);
        await world.SayAsync(MarketingLead, "routing rules", Token);
        await world.SayAsync(Seller, "routing rules", Token);

        var test = await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Routing test", StringComparison.Ordinal), Token);
        Assert.Contains("✘ Competitive intel to the intel queue: kind is Content request, the rule wants Competitive intel", test.VisibleText, StringComparison.Ordinal);
        Assert.Contains("✔ Analytics content: matches → owner aad-olga", test.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Would go to: Olga Owner", test.VisibleText, StringComparison.Ordinal);
        await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Routing rules", StringComparison.Ordinal) && r.VisibleText.Contains("1. Competitive intel to the intel queue", StringComparison.Ordinal), Token);
        await world.Bot.Connector.WaitForAsync(r => r.Path.Contains(Seller.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Only admins and marketing leads can see and test the routing rules.", StringComparison.Ordinal), Token);
    }
}
