using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Feedback.FeedbackWorld;

namespace AlignBot.Host.Tests.Feedback;

/// <summary>
/// "Send to AlignBot" on a chat message, through the real endpoint with the real fetchTask and submitAction payloads:
/// the feedback form opens in a dialog with the message's text and link, bad input comes back in the dialog with what
/// was typed, and a valid form is filed as the feedback card files it, with the receipt in the seller's 1:1 chat.
/// </summary>
public sealed class FeedbackMessageActionTests
{
    private const string MessageLink = "https://teams.microsoft.com/l/message/19:83ed1d507cb5427c93495cf914326310@thread.skype/1592441283345";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Tuesday 3 March 2026, 10:00 in London (UTC+0): Olga is at work.
    private static readonly DateTimeOffset Start = Utc("2026-03-03T10:00:00Z");

    [Fact]
    public async Task FetchTask_OnAChannelMessage_OpensTheFormPrefilledWithTheMessageAndItsLink()
    {
        await using var world = await StartAsync(Token, Start);

        var response = await world.FetchTaskAsync(Seller, "<p>Contoso&#39;s CFO asked for an <b>ROI calculator</b>.</p><p>Can we get one?</p>", MessageLink, Token);

        response.EnsureSuccessStatusCode();
        var task = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["task"]!;
        Assert.Equal("continue", (string?)task["type"]);
        Assert.Equal("Send to AlignBot", (string?)task["value"]!["title"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)task["value"]!["card"]!["contentType"]);
        var card = task["value"]!["card"]!["content"]!;
        Assert.Equal("Contoso's CFO asked for an ROI calculator.\nCan we get one?", (string?)Input(card, FeedbackForm.Description)["value"]);
        var button = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Submit", (string?)button["type"]);
        Assert.Equal(MessageLink, (string?)button["data"]![FeedbackForm.SourceLink]);
        Assert.Contains(MessageLink, Text(card), StringComparison.Ordinal);
        var channelStored = await world.Bot.QueryAsync(db => db.Conversations.AnyAsync(c => c.ConversationId == "19:83ed1d507cb5427c93495cf914326310@thread.skype", Token));
        Assert.False(channelStored, "a message action is no install: the channel is not kept as a conversation AlignBot is in");
    }

    [Fact]
    public async Task FetchTask_MessageOverTheLimit_IsCutTo4000Characters_AndARetryGetsTheFormAgain()
    {
        await using var world = await StartAsync(Token, Start);
        var longText = string.Concat(Enumerable.Repeat("We lost the deal on price. ", 200)).Trim();

        var first = await world.FetchTaskAsync(Seller, longText, MessageLink, Token, deliveryId: "fetch-retried");
        var retry = await world.FetchTaskAsync(Seller, longText, MessageLink, Token, deliveryId: "fetch-retried");

        foreach (var response in new[] { first, retry })
        {
            var card = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["task"]!["value"]!["card"]!["content"]!;
            var description = (string)Input(card, FeedbackForm.Description)["value"]!;
            Assert.Equal(FeedbackForm.MaxDescription, description.Length);
            Assert.StartsWith("We lost the deal on price.", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SubmitAction_MissingKind_ShowsTheFormAgainWithTheErrorAndWhatWasTyped()
    {
        await using var world = await StartAsync(Token, Start);
        var typed = Request("Contoso's CFO asked for an ROI calculator");
        typed.Remove(FeedbackForm.Kind);
        typed[FeedbackForm.SourceLink] = MessageLink;
        typed["verb"] = FeedbackActions.Submit;

        var response = await world.SubmitActionAsync(Seller, typed, Token);

        response.EnsureSuccessStatusCode();
        var task = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["task"]!;
        Assert.Equal("continue", (string?)task["type"]);
        Assert.Equal("Send to AlignBot", (string?)task["value"]!["title"]);
        var card = task["value"]!["card"]!["content"]!;
        Assert.Contains("Pick what kind of feedback this is.", Text(card), StringComparison.Ordinal);
        Assert.Equal("Contoso's CFO asked for an ROI calculator", (string?)Input(card, FeedbackForm.Description)["value"]);
        Assert.Equal("Contoso", (string?)Input(card, FeedbackForm.Customer)["value"]);
        Assert.Equal("Analytics", (string?)Input(card, FeedbackForm.Topic)["value"]);
        var button = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Submit", (string?)button["type"]);
        Assert.Equal(MessageLink, (string?)button["data"]![FeedbackForm.SourceLink]);
        Assert.Null(await world.ItemAsync(1));
    }

    [Fact]
    public async Task SubmitAction_Valid_FilesItem1ToItsOwner_ClosesTheDialog_AndTheReceiptGoesToTheSellersChat()
    {
        await using var world = await StartAsync(Token, Start);
        var connector = world.Bot.Connector;
        var form = Request("Contoso's CFO asked for an ROI calculator");
        form[FeedbackForm.SourceLink] = MessageLink;
        form["verb"] = FeedbackActions.Submit;

        var response = await world.SubmitActionAsync(Seller, form, Token, deliveryId: "submit-retried");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Token)); // no response: the dialog closes
        var item = (await world.ItemAsync(1))!;
        Assert.Equal(Olga.Id, item.OwnerId);
        Assert.Equal(Seller.Id, item.SellerId);
        Assert.Equal(MessageLink, item.SourceLink);
        Assert.Equal("Asia/Calcutta", item.SellerTimeZone); // from the client that sent the dialog
        var ownerCard = await connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(Olga.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("#1 · Content request · Analytics", StringComparison.Ordinal), Token);
        Assert.Contains("ROI calculator", ownerCard.VisibleText, StringComparison.Ordinal);
        var receipt = await connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(Seller.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Sent to Olga Owner as #1.", StringComparison.Ordinal), Token);
        Assert.Contains("#1 · Content request · Analytics", receipt.VisibleText, StringComparison.Ordinal);

        var retry = await world.SubmitActionAsync(Seller, form, Token, deliveryId: "submit-retried");

        Assert.Equal("message", (string?)JsonNode.Parse(await retry.Content.ReadAsStringAsync(Token))!["task"]!["type"]);
        Assert.Null(await world.ItemAsync(2));
        await world.Bot.OutboxDrainedAsync(Token); // nothing more is on its way
        Assert.DoesNotContain(connector.Requests, r => r.Path.Contains("unq.gbl.spaces", StringComparison.Ordinal)); // nothing is posted in the group chat
        Assert.Single(connector.Requests, r => r.VisibleText.Contains("Sent to Olga Owner as #1.", StringComparison.Ordinal));
        var history = await world.Bot.QueryAsync(db => db.FeedbackHistory.Where(h => h.ItemNumber == 1).OrderBy(h => h.Id).Select(h => h.Action).ToListAsync(Token));
        Assert.Equal(["filed", "routed to Olga Owner"], history);
    }

    [Fact]
    public async Task SubmitAction_ThenOwnerAcknowledges_TheReceiptInTheSellersChatIsUpdatedInPlace()
    {
        await using var world = await StartAsync(Token, Start);
        var form = Request();
        form["verb"] = FeedbackActions.Submit;
        await world.SubmitActionAsync(Seller, form, Token);
        await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Sent to Olga Owner as #1.", StringComparison.Ordinal), Token);
        var receiptActivity = await world.SentActivityIdAsync("feedback:1:seller", Token);

        await world.PressAsync(Olga, FeedbackActions.Acknowledge, Item(1), Token);

        await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains(Seller.ChatId, StringComparison.Ordinal) && r.Path.EndsWith("/activities/" + receiptActivity, StringComparison.Ordinal) && r.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal), Token);
    }

    [Fact]
    public async Task SubmitAction_BySellerAlignBotHasNeverMet_ReceiptOpensTheirChat_AndLaterUpdatesGoThere()
    {
        await using var world = await StartAsync(Token, Start);
        var stranger = new Person("aad-nora", "Nora New", "Europe/Madrid");
        var form = Request();
        form["verb"] = FeedbackActions.Submit;

        await world.SubmitActionAsync(stranger, form, Token);

        var receipt = await world.Bot.Connector.WaitForAsync(r => r.Method == "POST" && r.VisibleText.Contains("Sent to Olga Owner as #1.", StringComparison.Ordinal), Token);
        Assert.Matches("/v3/conversations/a:created-[0-9]+/activities$", receipt.Path);
        var chat = receipt.Path.Split('/')[^2];
        var receiptActivity = await world.SentActivityIdAsync("feedback:1:seller", Token);

        await world.PressAsync(Olga, FeedbackActions.Acknowledge, Item(1), Token);

        var update = await world.Bot.Connector.WaitForAsync(r => r.Method == "PUT" && r.VisibleText.Contains("Olga Owner acknowledged it.", StringComparison.Ordinal), Token);
        Assert.EndsWith($"/v3/conversations/{chat}/activities/{receiptActivity}", update.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAction_UnknownCommand_SaysSoInTheDialog()
    {
        await using var world = await StartAsync(Token, Start);

        var response = await world.Bot.PostActivityAsync(world.Bot.Payload("invoke.composeExtension.submitAction.groupChat.clientInfo-timezone.json"), Token);

        var task = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["task"]!;
        Assert.Equal("message", (string?)task["type"]);
        Assert.Contains("no longer available", (string?)task["value"], StringComparison.Ordinal);
    }

    /// <summary>The card element with this id, wherever it sits in the card's body.</summary>
    private static JsonNode Input(JsonNode card, string id) =>
        Find(card["body"], id) ?? throw new Xunit.Sdk.XunitException($"The card has no input '{id}'.");

    private static JsonNode? Find(JsonNode? node, string id) =>
        node switch
        {
            JsonObject o when (string?)o["id"] == id => o,
            JsonObject o => o.Select(p => Find(p.Value, id)).FirstOrDefault(n => n is not null),
            JsonArray a => a.Select(n => Find(n, id)).FirstOrDefault(n => n is not null),
            _ => null,
        };
}
