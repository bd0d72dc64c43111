using System.Net;
using AlignBot.Core.Conversations;
using AlignBot.Core.Feedback;
using AlignBot.Core.Home;
using AlignBot.Host.Tests.Feedback;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.People.PeopleWorld;

namespace AlignBot.Host.Tests.People;

/// <summary>Slack's App Home: opening the Home tab publishes the person's own home, built from what AlignBot stores.</summary>
public sealed class AppHomeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Tuesday 3 March 2026, 10:00 UTC: 04:00 in Chicago, 10:00 in London.
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task HomeOpened_PublishesNextStandupInLocalTime_OpenRequests_AndTheMainButtons()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:0:Members:0:SlackUserId"] = SamOnSlack.UserId });
        await world.PressOnSlackAsync(SamOnSlack, FeedbackActions.Submit, FeedbackWorld.Request(), "1700000200.000001", Token);

        var response = await world.OpenHomeOnSlackAsync(SamOnSlack, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = await world.Slack.WaitForAsync(c => c.Method == "views.publish", Token);
        Assert.Equal(SamOnSlack.UserId, (string?)publish.Body?["user_id"]);
        Assert.Equal("home", (string?)publish.Body?["view"]?["type"]);
        var home = publish.VisibleText;
        Assert.Contains("Sales daily (Sales NA): Tue 3 Mar, 09:00 (America/Chicago)", home, StringComparison.Ordinal);
        Assert.Contains("#1 · Content request · Analytics — Waiting for the owner, with Olga Owner", home, StringComparison.Ordinal);
        foreach (var verb in new[] { FeedbackActions.Open, HomeActions.MyQueue, HomeActions.MyRequests, Core.Help.HelpActions.ShowHelp })
        {
            Assert.Contains($"\"action_id\":\"{verb}\"", home, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OwnerActsOnTeams_SellersHomeIsPublishedAgain_WithTheNewStatus()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:0:Members:0:SlackUserId"] = SamOnSlack.UserId });
        await world.SayOnTeamsAsync(Olga, "hello", Token);
        await world.PressOnSlackAsync(SamOnSlack, FeedbackActions.Submit, FeedbackWorld.Request(), "1700000200.000001", Token);
        await world.OpenHomeOnSlackAsync(SamOnSlack, Token);
        await world.Slack.WaitForAsync(c => c.Method == "views.publish", Token);
        var ownerActivity = await world.SentActivityIdAsync("feedback:1:owner:1", Token);

        await world.PressOnTeamsAsync(Olga, FeedbackActions.Acknowledge, FeedbackWorld.Item(1), ownerActivity, Token);

        var republished = await world.Slack.WaitForAsync(c => c.Method == "views.publish" && c.VisibleText.Contains("— Acknowledged, with Olga Owner", StringComparison.Ordinal), Token);
        Assert.Equal(SamOnSlack.UserId, (string?)republished.Body?["user_id"]);
        await world.Bot.OutboxDrainedAsync(Token);
        Assert.Equal(2, world.Slack.CallsOf("views.publish").Count);
    }

    [Fact]
    public async Task StandupTickPromptsOnSlack_HomeOpenedBefore_PublishedAgainByTheTick_OnceAndOnlyForThem()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:0:Members:0:SlackUserId"] = SamOnSlack.UserId });
        await world.OpenHomeOnSlackAsync(SamOnSlack, Token);
        var first = await world.Slack.WaitForAsync(c => c.Method == "views.publish", Token);
        Assert.Contains("Tue 3 Mar, 09:00 (America/Chicago)", first.VisibleText, StringComparison.Ordinal);

        // 09:00 in Chicago: the tick prompts Sam in his Slack DM, and his home moves on to the next stand-up.
        world.Bot.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-03T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await world.TickStandupsAsync(Token);
        await world.TickStandupsAsync(Token);

        var republished = await world.Slack.WaitForAsync(c => c.Method == "views.publish" && c.VisibleText.Contains("Wed 4 Mar, 09:00 (America/Chicago)", StringComparison.Ordinal), Token);
        Assert.Equal(SamOnSlack.UserId, (string?)republished.Body?["user_id"]);
        await world.Bot.OutboxDrainedAsync(Token);
        Assert.Equal(2, world.Slack.CallsOf("views.publish").Count);
        Assert.Single(world.Slack.CallsOf("chat.postMessage"), c => c.VisibleText.Contains("Sales daily", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomeOpened_ByAnOwner_ShowsTheirQueueWithDueTimes()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:1:Members:0:SlackUserId"] = "U0OLGA" });
        await world.SayOnTeamsAsync(Sam, "hello", Token);
        await world.PressOnTeamsAsync(Sam, FeedbackActions.Submit, FeedbackWorld.Request(), "sam-card", Token);
        var olga = new SlackPerson("U0OLGA", "D0OLGA");

        await world.OpenHomeOnSlackAsync(olga, Token);

        var publish = await world.Slack.WaitForAsync(c => c.Method == "views.publish", Token);
        Assert.Equal("U0OLGA", (string?)publish.Body?["user_id"]);
        Assert.Contains("#1 · Content request · Analytics from Sam Seller — acknowledge by", publish.VisibleText, StringComparison.Ordinal);
        Assert.Contains("None coming up", publish.VisibleText, StringComparison.Ordinal); // Olga's team has no stand-up
    }

    [Fact]
    public async Task HomeOpenedOnTheMessagesTab_NothingPublished()
    {
        await using var world = await StartAsync(Start, Token);

        var response = await world.OpenHomeOnSlackAsync(SamOnSlack, Token, tab: "messages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.InboundDeliveries.CountAsync(Token)));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Operation == OutboundOperation.PublishHome, Token)));
        Assert.Empty(world.Slack.CallsOf("views.publish"));
    }

    [Fact]
    public async Task BotJoinsAChannel_ChannelKeptAsAConversation_AndHelloSaidThere_APersonJoiningChangesNothing()
    {
        await using var world = await StartAsync(Start, Token);

        var joined = await world.JoinChannelOnSlackAsync("UBOT", "C0SALES", inviter: "U0LEAD", Token);

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var channel = await world.Bot.QueryAsync(db => db.Conversations.SingleAsync(c => c.Platform == Platform.Slack && c.ConversationId == "C0SALES", Token));
        Assert.Equal((ConversationKind.Channel, Workspace), (channel.Kind, channel.TenantId));
        var hello = await world.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == "C0SALES", Token);
        Assert.Contains("AlignBot commands", hello.VisibleText, StringComparison.Ordinal);

        await world.JoinChannelOnSlackAsync("U0NEW", "C0SALES", inviter: null, Token);
        await world.Bot.OutboxDrainedAsync(Token);

        Assert.Single(world.Slack.CallsOf("chat.postMessage"));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.People.CountAsync(p => p.UserId == "U0NEW", Token)));
    }
}
