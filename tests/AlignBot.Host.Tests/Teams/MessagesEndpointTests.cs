using System.Net;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Teams;

/// <summary>Teams in, through POST /api/messages, the pipeline, the outbox and the dispatcher, out to a connector on loopback.</summary>
public sealed class MessagesEndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_HelpInPersonalChat_RepliesWithHelpCardThroughConnector()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        var response = await bot.PostActivityAsync(bot.Payload("message.personal.json", a => a["text"] = "help"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(await bot.Connector.WaitForRequestsAsync(1, Token));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/a:uniqueId/activities/1531861881427", request.Path); // a reply to the message
        Assert.Equal("1531861881427", (string?)request.Body?["replyToId"]);
        Assert.Equal("AdaptiveCard", (string?)request.Card?["type"]);
        Assert.Contains("AlignBot commands", request.VisibleText, StringComparison.Ordinal);
        Assert.Contains("whoami", request.VisibleText, StringComparison.Ordinal);
        Assert.Equal("", request.Authorization); // anonymous mode sends no token
        var row = await bot.QueryAsync(db => db.Outbox.SingleAsync(Token));
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal("activity-1", row.SentActivityId);
    }

    /// <summary>
    /// Teams gave up waiting and hung up after the event had arrived whole (here: while it queued for the database):
    /// the event is still handled to the end, since Teams may never send it again.
    /// </summary>
    [Fact]
    public async Task Post_CallerHangsUpAfterSendingTheEvent_EventIsStillHandled()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var gate = bot.Factory.Services.GetRequiredService<WriteGate>();

        // One message through first, delivered and marked sent: the dispatcher's start-up work is done, so the only
        // writer that can queue behind the held gate below is this test's event.
        await bot.PostActivityAsync(bot.Payload("message.personal.json", a => { a["text"] = "help"; a["id"] = "warm-up"; }), Token);
        await bot.Connector.WaitForRequestsAsync(1, Token);
        await bot.OutboxDrainedAsync(Token);

        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(Token);
        Task<HttpResponseMessage> post;
        using (await gate.EnterAsync(Token))
        {
            post = bot.Client.PostAsJsonAsync("/api/messages", bot.Payload("message.personal.json", a => a["text"] = "help"), hangUp.Token);
            while (gate.Waiting == 0)
            {
                await Task.Delay(10, Token);
            }

            await hangUp.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        var requests = await bot.Connector.WaitForRequestsAsync(2, Token);
        Assert.Equal(2, requests.Count);
        Assert.Contains("AlignBot commands", requests[1].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownText_AnswersWithHelpCardSayingWhatWasNotUnderstood()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        await bot.PostActivityAsync(bot.Payload("message.personal.json", a => a["text"] = "make me a sandwich"), Token);

        var request = Assert.Single(await bot.Connector.WaitForRequestsAsync(1, Token));
        Assert.Contains("didn't understand", request.VisibleText, StringComparison.Ordinal);
        Assert.Contains("make me a sandwich", request.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChannelMessageWithMention_RepliesInTheThread()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        await bot.PostActivityAsync(bot.Payload("message.channel.thread-reply.at-mention.clientInfo-timezone.json", a => a["text"] = "<at>ridotest</at> help"), Token);

        var request = Assert.Single(await bot.Connector.WaitForRequestsAsync(1, Token));
        Assert.Equal("/teams/v3/conversations/19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856/activities/1759944781430", request.Path);
        Assert.Contains("AlignBot commands", request.VisibleText, StringComparison.Ordinal);
        var conversation = await bot.QueryAsync(db => db.Conversations.SingleAsync(Token));
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2", conversation.ConversationId); // the channel, not the thread
        Assert.Equal(ConversationKind.Channel, conversation.Kind);
    }

    [Fact]
    public async Task Post_SameActivityTwice_ProcessesItOnce()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var activity = bot.Payload("message.personal.json", a => a["text"] = "help");

        var first = await bot.PostActivityAsync(activity, Token);
        var second = await bot.PostActivityAsync(activity, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, await bot.QueryAsync(db => db.Outbox.CountAsync(Token)));
        Assert.Equal(1, await bot.QueryAsync(db => db.InboundDeliveries.CountAsync(Token)));
    }

    [Fact]
    public async Task Post_BotInstalledInPersonalChat_SendsWelcomeAndStoresReferenceAndPerson()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        bot.Connector.Members.Add(("29:<USERID>", "Ada Lovelace", "***"));

        await bot.PostActivityAsync(bot.Payload("conversationUpdate.membersAdded.bot-added-personal.json"), Token);

        var requests = await bot.Connector.WaitForRequestsAsync(2, Token);
        Assert.Equal("GET", requests[0].Method); // the installer's name, which the install event does not carry
        Assert.Contains("Welcome to AlignBot, Ada", requests[1].VisibleText, StringComparison.Ordinal);
        var conversation = await bot.QueryAsync(db => db.Conversations.SingleAsync(Token));
        Assert.Equal(ConversationKind.Personal, conversation.Kind);
        Assert.Equal("<TENANT ID>", conversation.TenantId);
        Assert.Equal(bot.Connector.ServiceUrl, conversation.ServiceUrl);
        var person = await bot.QueryAsync(db => db.People.SingleAsync(Token));
        Assert.Equal("29:<USERID>", person.UserId);
        Assert.Equal("***", person.PersonalConversationId);
        Assert.Equal("Ada Lovelace", person.DisplayName);
    }

    [Fact]
    public async Task Post_BotInstalledAndMemberLookupFails_StillWelcomes()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        await bot.PostActivityAsync(bot.Payload("conversationUpdate.membersAdded.bot-added-personal.json"), Token);

        var requests = await bot.Connector.WaitForRequestsAsync(2, Token);
        Assert.Contains("Welcome to AlignBot", requests[1].VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MessageWithClientInfo_RecordsLocaleAndTimeZone()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        await bot.PostActivityAsync(bot.Payload("message.channel.thread-reply.at-mention.clientInfo-timezone.json"), Token);

        var person = await bot.QueryAsync(db => db.People.SingleAsync(Token));
        Assert.Equal("America/Los_Angeles", person.TimeZone);
        Assert.Equal("en-US", person.Locale);
        Assert.Equal("b15a9416-0ad3-4172-9210-7beb711d3f70", person.AadObjectId);
        Assert.Equal("rido", person.DisplayName);
    }

    [Fact]
    public async Task Post_Uninstall_RemovesTheStoredReference()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        await bot.PostActivityAsync(bot.Payload("installationUpdate.add.team.json"), Token);
        Assert.Equal(1, await bot.QueryAsync(db => db.Conversations.CountAsync(Token)));

        await bot.PostActivityAsync(bot.Payload("installationUpdate.add.team.json", a => { a["action"] = "remove"; a["id"] = "removal-1"; }), Token);

        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync(Token)));
    }

    [Fact]
    public async Task Post_InvokeShowProfile_AnswersWithUpdatedCardInTheResponse()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var invoke = bot.Payload("invoke.adaptiveCard-action.Action.Execute.personal.json", a => a["value"]!["action"]!["verb"] = "help.profile");

        var response = await bot.PostActivityAsync(invoke, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var card = body["value"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("What AlignBot knows about you", card, StringComparison.Ordinal);
        Assert.Contains("America/Los_Angeles", card, StringComparison.Ordinal);
        Assert.Contains("Rido", card, StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(Token)));
    }

    [Fact]
    public async Task Post_InvokeWithoutVerb_AnswersWithMessageAndChangesNothing()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        var response = await bot.PostActivityAsync(bot.Payload("invoke.adaptiveCard-action.Action.Execute.personal.json"), Token);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Contains("can't tell which button", (string?)body["value"], StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(Token)));
    }

    [Fact]
    public async Task Post_ActionSubmit_UpdatesThePressedCardInPlace()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var submit = bot.Payload("message.personal.json", a =>
        {
            a.Remove("text");
            a["id"] = "submit-1";
            a["replyToId"] = "card-42";
            a["value"] = new JsonObject { ["verb"] = "help.show" };
        });

        await bot.PostActivityAsync(submit, Token);

        var request = Assert.Single(await bot.Connector.WaitForRequestsAsync(1, Token));
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/teams/v3/conversations/a:uniqueId/activities/card-42", request.Path);
        Assert.Contains("AlignBot commands", request.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Healthz_ReportsDatabaseAndScheduler()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        var response = await bot.Client.GetAsync("/healthz", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("Healthy", (string?)body["checks"]!["database"]!["status"]);
        Assert.Equal("Sqlite", (string?)body["checks"]!["database"]!["data"]!["provider"]);
        Assert.NotNull(body["checks"]!["scheduler"]);
    }
}
