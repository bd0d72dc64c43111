using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Core.Help;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// Slack's buttons, modals, shortcuts and slash command through POST /slack/interactions and /slack/commands (signed as
/// Slack signs), the pipeline, the outbox and the dispatcher, out to a fake Slack Web API on loopback.
/// </summary>
public sealed class SlackInteractionsEndpointTests : IAsyncLifetime
{
    private const string User = "W111";
    private const string Dm = "D111";

    private SlackWorld _world = null!; // set in InitializeAsync, before any test runs

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await SlackWorld.StartAsync(Token);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("block_actions.json")]
    [InlineData("view_submission.json")]
    [InlineData("message_action.json")]
    [InlineData("shortcut.global.json")]
    public async Task Post_ReferencePayload_Accepted(string file)
    {
        var response = await _world.InteractAsync(SlackWorld.Reference(file), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ReferenceSlashCommand_Accepted()
    {
        var body = File.ReadAllText(TestPaths.Reference("slack-payloads", "slash_command.form-urlencoded.txt")).Trim();

        var response = await _world.CommandRawAsync(body, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Press_HelpCardButton_ProfileCardReplacesTheMessage()
    {
        var ts = await HelpCardInDmAsync();

        var response = await _world.InteractAsync(_world.Press(User, Dm, ts, HelpActions.ShowProfile, null), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await _world.WaitForCallAsync(c => c.Method == "chat.update", Token);
        Assert.Equal(Dm, (string?)update.Body?["channel"]);
        Assert.Equal(ts, (string?)update.Body?["ts"]);
        Assert.Contains("What AlignBot knows about you", update.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Press_SameInteractionTwice_AnsweredOnce()
    {
        var ts = await HelpCardInDmAsync();
        var press = _world.Press(User, Dm, ts, HelpActions.ShowProfile, null);

        var first = await _world.InteractAsync(press, Token);
        var replay = await _world.InteractAsync(press, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await _world.WaitForCallAsync(c => c.Method == "chat.update", Token);
        await _world.OutboxDrainedAsync(Token);
        Assert.Single(_world.Slack.Requests, c => c.Method == "chat.update");
    }

    [Fact]
    public async Task Press_UnknownActionId_200AndNothing()
    {
        var ts = await HelpCardInDmAsync();
        var calls = _world.Slack.Requests.Count;

        var response = await _world.InteractAsync(_world.Press(User, Dm, ts, "someone.elses.button", "x"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _world.OutboxDrainedAsync(Token);
        Assert.Equal(calls, _world.Slack.Requests.Count);
        Assert.Equal(0, await _world.QueryAsync(db => db.InboundDeliveries.CountAsync(d => d.DeliveryId.StartsWith("action:"), Token)));
    }

    [Fact]
    public async Task Command_HelpInAChannel_OnlyTheTypistSeesTheAnswer()
    {
        var response = await _world.CommandAsync("help", "C111", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _world.WaitForCallAsync(c => c.Method == "chat.postEphemeral", Token);
        Assert.Equal("C111", (string?)answer.Body?["channel"]);
        Assert.Equal(User, (string?)answer.Body?["user"]);
        Assert.Contains("whoami", answer.VisibleText, StringComparison.Ordinal);
        await _world.OutboxDrainedAsync(Token);
        Assert.DoesNotContain(_world.Slack.Requests, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task Command_HelpInTheDm_AnsweredAsTheNextMessage()
    {
        await _world.CommandAsync("help", Dm, Token);

        var answer = await _world.WaitForCallAsync(c => c.Method == "chat.postMessage", Token);
        Assert.Equal(Dm, (string?)answer.Body?["channel"]);
        Assert.Contains("whoami", answer.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Unsigned_401AndNothingProcessed()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/interactions")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("payload", SlackWorld.Reference("block_actions.json").ToJsonString())]),
        };

        var response = await _world.Client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_401AndNothingProcessed()
    {
        var response = await _world.InteractAsync(SlackWorld.Reference("block_actions.json"), Token, secret: "someone-elses-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_SignedSixMinutesAgo_401AndNothingProcessed()
    {
        var response = await _world.InteractAsync(SlackWorld.Reference("block_actions.json"), Token, timestamp: AlignBotFactory.DefaultStart.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Command_SignedWithAnotherSecret_401AndNothingProcessed()
    {
        var body = File.ReadAllText(TestPaths.Reference("slack-payloads", "slash_command.form-urlencoded.txt")).Trim();

        var response = await _world.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", Token, secret: "someone-elses-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Theory]
    [InlineData("payload=%7Bnot%20json")]
    [InlineData("payload=")]
    [InlineData("nothing=here")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22team%22%3A%7B%22id%22%3A%22T111%22%7D%2C%22user%22%3A%7B%22id%22%3A%22W111%22%7D%7D")]
    public async Task Post_MalformedPayload_400AndNothingProcessed(string body)
    {
        var response = await _world.PostSignedAsync("/slack/interactions", body, "application/x-www-form-urlencoded", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Command_WithoutChannelOrUser_400AndNothingProcessed()
    {
        var response = await _world.CommandRawAsync("command=%2Falignbot&text=help&team_id=T111", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_ViewClosed_200AndNothing()
    {
        var closed = SlackWorld.Reference("view_submission.json");
        closed["type"] = "view_closed";

        var response = await _world.InteractAsync(closed, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task OpenForm_OnAMessageWithoutAForm_NoModal()
    {
        var ts = await HelpCardInDmAsync();

        var response = await _world.InteractAsync(_world.Press(User, Dm, "1234.5678", BlockKitRenderer.FormActionId, "0"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_world.Slack.Requests, c => c.Method == "views.open");
        Assert.NotEqual("1234.5678", ts);
    }

    /// <summary>The help card in the person's DM, as "help" there posts it; returns its ts.</summary>
    private async Task<string> HelpCardInDmAsync()
    {
        await _world.DirectMessageAsync(User, Dm, "help", Token);
        return await _world.SentTsAsync(r => r.Payload.Contains("AlignBot commands", StringComparison.Ordinal), Token);
    }

    private async Task AssertNothingProcessedAsync()
    {
        Assert.Equal(0, await _world.QueryAsync(db => db.Outbox.CountAsync(Token)));
        Assert.Equal(0, await _world.QueryAsync(db => db.InboundDeliveries.CountAsync(Token)));
        Assert.Empty(_world.Slack.Requests);
    }
}
