using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Core.Feedback;
using AlignBot.Data.Outbox;
using AlignBot.Host.Tests.Feedback;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.People.PeopleWorld;

namespace AlignBot.Host.Tests.People;

/// <summary>
/// One item closed across two platforms through nothing but the real endpoints: Sam, a seller on Slack, asks for the
/// feedback form in his DM (/slack/events), opens it (/slack/interactions → views.open), files it (view_submission);
/// Olga, its owner on Teams, acknowledges and resolves it (/api/messages invokes); Sam's Slack message follows in place
/// (chat.update) and he rates the answer there. The host restarts in the middle and Slack retries in the middle: nothing
/// is lost and nothing is sent twice.
/// </summary>
public sealed class CrossPlatformFeedbackEndToEndTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Tuesday 3 March 2026, 10:00 in London: Olga is at work.
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, string> Filed = new()
    {
        [FeedbackForm.Kind] = "ContentGap",
        [FeedbackForm.Topic] = "Analytics",
        [FeedbackForm.Urgency] = "High",
        [FeedbackForm.Description] = "Contoso's CFO wants an ROI calculator.",
    };

    [Fact]
    public async Task SellerOnSlackOwnerOnTeams_RestartAndSlackRetriesInTheMiddle_ClosedWithEveryMessageSentOnce()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:0:Members:0:SlackUserId"] = SamOnSlack.UserId });
        await world.SayOnTeamsAsync(Olga, "hello", Token);
        await world.Bot.OutboxDrainedAsync(Token);
        var connectorBefore = world.Bot.Connector.Requests.Count;

        // Sam types "feedback" in his DM; Slack, not hearing back in time, retries the same event after a restart.
        var typed = world.SlackMessageEvent(SamOnSlack, "feedback");
        Assert.Equal(HttpStatusCode.OK, (await world.PostSlackEventAsync(typed, Token)).StatusCode);
        var sellerTs = await SentTsAsync(world, r => r.ConversationId == SamOnSlack.Channel && r.Payload.Contains(FeedbackActions.Submit, StringComparison.Ordinal));
        await world.Bot.RestartAsync();
        Assert.Equal(HttpStatusCode.OK, (await world.PostSlackEventAsync(typed, Token, retry: "1")).StatusCode);
        await world.Bot.OutboxDrainedAsync(Token);
        var card = Assert.Single(world.Slack.CallsOf("chat.postMessage"), c => (string?)c.Body?["channel"] == SamOnSlack.Channel);
        Assert.Contains(BlockKitRenderer.FormActionId, card.VisibleText, StringComparison.Ordinal);

        // Open form: the feedback form as a modal.
        var press = world.SlackPress(SamOnSlack, sellerTs, BlockKitRenderer.FormActionId, "0");
        Assert.Equal(HttpStatusCode.OK, (await world.InteractOnSlackAsync(press, Token)).StatusCode);
        var opened = await world.Slack.WaitForAsync(c => c.Method == "views.open" && (string?)c.Body?["trigger_id"] == (string?)press["trigger_id"], Token);
        Assert.Equal(HttpStatusCode.OK, (await world.InteractOnSlackAsync(press, Token)).StatusCode); // the same press again: its trigger_id is spent

        // The host restarts while the modal is open: its submission still lands. The first one lacks the kind.
        await world.Bot.RestartAsync();
        var mistake = world.SlackSubmit(SamOnSlack, opened.Body!, Filed.Where(f => f.Key != FeedbackForm.Kind).ToDictionary());
        foreach (var _ in new[] { "sent", "sent again" })
        {
            // Sent again, the same mistake gets the same answer: the modal stays open with what was typed, never closed with nothing filed.
            var errors = JsonNode.Parse(await (await world.InteractOnSlackAsync(mistake, Token)).Content.ReadAsStringAsync(Token))!;
            Assert.Equal("errors", (string?)errors["response_action"]);
            Assert.NotNull(errors["errors"]?[FeedbackForm.Kind]);
            Assert.Equal(0, await world.Bot.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));
        }

        // The good submission, then the same submission again (a double click, a replayed request): filed once.
        var submission = world.SlackSubmit(SamOnSlack, opened.Body!, Filed);
        Assert.Equal("clear", await ResponseActionAsync(await world.InteractOnSlackAsync(submission, Token)));
        Assert.Equal("clear", await ResponseActionAsync(await world.InteractOnSlackAsync(submission, Token)));
        var receipt = await world.Slack.WaitForAsync(c => c.Method == "chat.update" && (string?)c.Body?["ts"] == sellerTs && c.VisibleText.Contains("Sent to Olga Owner as #1.", StringComparison.Ordinal), Token);
        Assert.Equal(SamOnSlack.Channel, (string?)receipt.Body?["channel"]);
        var ownerCard = await world.Bot.Connector.WaitForAsync(r => r.IsMessageIn(Olga.ChatId) && r.VisibleText.Contains("#1 · Content gap · Analytics", StringComparison.Ordinal), Token);
        Assert.Contains("Contoso's CFO wants an ROI calculator.", ownerCard.VisibleText, StringComparison.Ordinal);
        var ownerActivity = await world.SentActivityIdAsync("feedback:1:owner:1", Token);

        await world.Bot.RestartAsync();

        // Olga acknowledges on Teams: Sam's Slack message says so, in place.
        await world.PressOnTeamsAsync(Olga, FeedbackActions.Acknowledge, FeedbackWorld.Item(1), ownerActivity, Token);
        await world.Slack.WaitForAsync(c => c.Method == "chat.update" && (string?)c.Body?["ts"] == sellerTs && c.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal), Token);

        // Olga resolves with a link: Sam's message shows the answer and asks him to rate it.
        await world.PressOnTeamsAsync(Olga, FeedbackActions.Resolve, FeedbackWorld.Item(1, (FeedbackActions.Link, "https://content.example/roi-calculator"), (FeedbackActions.Note, "Here is the calculator")), ownerActivity, Token);
        var resolved = await world.Slack.WaitForAsync(c => c.Method == "chat.update" && (string?)c.Body?["ts"] == sellerTs && c.VisibleText.Contains("https://content.example/roi-calculator", StringComparison.Ordinal), Token);
        Assert.Contains(BlockKitRenderer.FormActionId, resolved.VisibleText, StringComparison.Ordinal);

        // Sam rates it on Slack, from the rating form in a modal: Olga's Teams card shows the rating, in place.
        var rate = world.SlackPress(SamOnSlack, sellerTs, BlockKitRenderer.FormActionId, "0");
        await world.InteractOnSlackAsync(rate, Token);
        var ratingForm = await world.Slack.WaitForAsync(c => c.Method == "views.open" && (string?)c.Body?["trigger_id"] == (string?)rate["trigger_id"], Token);
        var rating = world.SlackSubmit(SamOnSlack, ratingForm.Body!, new Dictionary<string, string> { [FeedbackActions.Comment] = "Exactly what Contoso needed" });
        Assert.Equal("clear", await ResponseActionAsync(await world.InteractOnSlackAsync(rating, Token)));
        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.EndsWith("/activities/" + ownerActivity, StringComparison.Ordinal) && r.VisibleText.Contains("Exactly what Contoso needed", StringComparison.Ordinal), Token);

        // Everything arrived, and once: one card, one modal per press, one in-place update per change, on each side.
        await world.Bot.RestartAsync();
        await world.Bot.OutboxDrainedAsync(Token);
        var item = (await world.Bot.QueryAsync(db => db.FeedbackItems.SingleAsync(Token)))!;
        Assert.Equal((FeedbackStatus.Resolved, true, "Exactly what Contoso needed"), (item.Status, item.Helpful, item.RatingComment));
        var history = await world.Bot.QueryAsync(db => db.FeedbackHistory.Where(h => h.ItemNumber == 1).OrderBy(h => h.Id).Select(h => h.Action).ToListAsync(Token));
        Assert.Equal(["filed", "routed to Olga Owner", "acknowledged", "resolved", "rated it helpful"], history);

        Assert.Single(world.Slack.CallsOf("chat.postMessage"));
        Assert.Equal(2, world.Slack.CallsOf("views.open").Count);
        var updates = world.Slack.CallsOf("chat.update");
        Assert.All(updates, u => Assert.Equal((SamOnSlack.Channel, sellerTs), ((string?)u.Body?["channel"], (string?)u.Body?["ts"])));
        Assert.Equal(4, updates.Count); // the receipt, acknowledged, resolved, rated
        Assert.Single(updates, u => u.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal) && !u.VisibleText.Contains("roi-calculator", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Slack.AllCalls, c => c.Method == "chat.postEphemeral");

        var teams = world.Bot.Connector.Requests.Skip(connectorBefore).ToList();
        Assert.Single(teams, r => r.Method == "POST" && r.IsMessageIn(Olga.ChatId));
        Assert.Single(teams, r => r.Method == "PUT" && r.VisibleText.Contains("Exactly what Contoso needed", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Bot.Connector.Requests, r => r.Path.Contains(Sam.ChatId, StringComparison.Ordinal)); // Sam is never written to on Teams
    }

    private static async Task<string?> ResponseActionAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))?["response_action"];
    }

    /// <summary>The ts Slack gave the bot's message whose outbox row matches, once it is sent.</summary>
    private static async Task<string> SentTsAsync(PeopleWorld world, Func<OutboxRecord, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var rows = await world.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Sent).ToListAsync(timeout.Token));
            if (rows.FirstOrDefault(match) is { SentActivityId: { } ts })
            {
                return ts;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
