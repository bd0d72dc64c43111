using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Tests.Teams;

/// <summary>What each bad request gets: a clear 400 (or a polite 200 where the Bot Framework expects it), never a 500, and nothing stored.</summary>
public sealed class BadInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"type\":", "not a valid Activity")]
    [InlineData("[]", "not a valid Activity")]
    [InlineData("{\"id\":\"x\",\"text\":\"help\"}", "no 'type'")]
    [InlineData("{\"type\":\"message\",\"id\":\"x\",\"text\":\"help\",\"serviceUrl\":\"https://s/\"}", "conversation.id")]
    [InlineData("{\"type\":\"message\",\"id\":\"x\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"not a url\"}", "serviceUrl")]
    public async Task Post_MalformedActivity_Returns400WithReasonAndStoresNothing(string body, string reason)
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        var response = await bot.PostRawAsync(body, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        await AssertNothingStoredAsync(bot);
    }

    /// <summary>Streamed without a length (read until the limit is passed) and with its length declared (refused unread).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_BodyOver256KB_Returns400AndStoresNothing(bool lengthDeclared)
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var activity = bot.Payload("message.personal.json", a => a["text"] = new string('x', 300 * 1024));

        var response = lengthDeclared ? await bot.PostRawAsync(activity.ToJsonString(), Token) : await bot.PostActivityAsync(activity, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("256 KB", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        await AssertNothingStoredAsync(bot);
    }

    [Fact]
    public async Task Post_ActivityTypeAlignBotDoesNotHandle_Returns200AndDoesNothing()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        var response = await bot.PostActivityAsync(bot.Payload("messageReaction.reactionsAdded.channel.json"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingStoredAsync(bot);
    }

    [Fact]
    public async Task Post_InvokeOtherThanCardAction_Returns200AndDoesNothing()
    {
        await using var bot = await BotTestContext.StartAsync(Token);

        var response = await bot.PostActivityAsync(bot.Payload("invoke.composeExtension.submitAction.groupChat.clientInfo-timezone.json", a => a["name"] = "composeExtension/query"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingStoredAsync(bot);
    }

    [Fact]
    public async Task Post_CardSubmissionWithoutVerb_Returns400AndStoresNothing()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var submit = bot.Payload("message.personal.json", a => a["value"] = new JsonObject { ["note"] = "typed text" });

        var response = await bot.PostActivityAsync(submit, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'verb'", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        await AssertNothingStoredAsync(bot);
    }

    [Fact]
    public async Task Post_UninstallFromConversationNeverSeen_Returns200AndStoresNoConversation()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var removal = bot.Payload("installationUpdate.add.team.json", a => a["action"] = "remove");

        var response = await bot.PostActivityAsync(removal, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync(Token)));
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(Token)));
    }

    private static async Task AssertNothingStoredAsync(BotTestContext bot)
    {
        Assert.Equal(0, await bot.QueryAsync(db => db.InboundDeliveries.CountAsync(Token)));
        Assert.Equal(0, await bot.QueryAsync(db => db.Conversations.CountAsync(Token)));
        Assert.Equal(0, await bot.QueryAsync(db => db.People.CountAsync(Token)));
        Assert.Equal(0, await bot.QueryAsync(db => db.Outbox.CountAsync(Token)));
    }
}
