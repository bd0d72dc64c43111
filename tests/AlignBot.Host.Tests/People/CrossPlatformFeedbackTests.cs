using AlignBot.Core.Feedback;
using AlignBot.Host.Tests.Feedback;
using static AlignBot.Host.Tests.People.PeopleWorld;

namespace AlignBot.Host.Tests.People;

/// <summary>
/// A seller on Slack, an owner on Teams: each acts on their own card on their own platform, and each sees the other's
/// actions there — the owner's card through the Bot Connector, the seller's through Slack's chat.update.
/// </summary>
public sealed class CrossPlatformFeedbackTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Tuesday 3 March 2026, 10:00 in London: Olga is at work.
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task SellerFilesOnSlack_OwnerActsOnTeams_EachSeesTheOthersActionsOnTheirOwnCard()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:0:Members:0:SlackUserId"] = SamOnSlack.UserId });
        await world.SayOnTeamsAsync(Olga, "hello", Token);
        const string SellerCard = "1700000200.000001";

        // Sam files from his feedback card in his Slack DM: the receipt replaces that card there, Olga gets hers on Teams.
        await world.PressOnSlackAsync(SamOnSlack, FeedbackActions.Submit, FeedbackWorld.Request(), SellerCard, Token);

        var receipt = await world.Slack.WaitForAsync(c => c.Method == "chat.update" && (string?)c.Body?["ts"] == SellerCard, Token);
        Assert.Equal(SamOnSlack.Channel, (string?)receipt.Body?["channel"]);
        Assert.Contains("Sent to Olga Owner as #1.", receipt.VisibleText, StringComparison.Ordinal);
        var ownerCard = await world.Bot.Connector.WaitForAsync(r => r.IsMessageIn(Olga.ChatId) && r.VisibleText.Contains("#1 · Content request · Analytics", StringComparison.Ordinal), Token);
        Assert.Contains("Sam Seller", ownerCard.VisibleText, StringComparison.Ordinal);
        var ownerActivity = await world.SentActivityIdAsync("feedback:1:owner:1", Token);
        var item = (await world.Bot.QueryAsync(db => db.FeedbackItems.FindAsync([1L]).AsTask()))!;
        Assert.Equal(Sam.Id, item.SellerId); // the Slack user is the member: one seller, whatever the platform

        // Olga acknowledges on Teams: Sam's card on Slack says so, in place.
        await world.PressOnTeamsAsync(Olga, FeedbackActions.Acknowledge, FeedbackWorld.Item(1), ownerActivity, Token);
        var acknowledged = await world.Slack.WaitForAsync(c => c.Method == "chat.update" && c.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal), Token);
        Assert.Equal((SamOnSlack.Channel, SellerCard), ((string?)acknowledged.Body?["channel"], (string?)acknowledged.Body?["ts"]));

        // Olga asks on Teams; Sam answers on Slack: Olga's Teams card shows the answer, in place.
        await world.PressOnTeamsAsync(Olga, FeedbackActions.Ask, FeedbackWorld.Item(1, (FeedbackActions.Question, "Which version of the add-on?")), ownerActivity, Token);
        await world.Slack.WaitForAsync(c => c.Method == "chat.update" && c.VisibleText.Contains("Olga Owner asks: Which version of the add-on?", StringComparison.Ordinal), Token);
        await world.PressOnSlackAsync(SamOnSlack, FeedbackActions.Answer, FeedbackWorld.Item(1, (FeedbackActions.AnswerText, "Version 3, the cloud edition")), SellerCard, Token);
        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/" + ownerActivity, StringComparison.Ordinal) && r.VisibleText.Contains("Version 3, the cloud edition", StringComparison.Ordinal), Token);

        await world.Bot.OutboxDrainedAsync(Token);
        Assert.Single(world.Slack.CallsOf("chat.update"), c => c.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Bot.Connector.Requests, r => r.Path.Contains(Sam.ChatId, StringComparison.Ordinal)); // Sam is never written to on Teams
        Assert.Equal(FeedbackStatus.Acknowledged, (await world.Bot.QueryAsync(db => db.FeedbackItems.FindAsync([1L]).AsTask()))!.Status);
    }
}
