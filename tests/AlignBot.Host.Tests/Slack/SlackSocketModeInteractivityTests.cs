using System.Text.Json.Nodes;
using AlignBot.Core.Help;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// Button presses and the slash command over Socket Mode go through the same handlers as POST /slack/interactions and
/// /slack/commands: the real host, a fake Socket Mode server and a fake Web API on loopback, no signing secret.
/// </summary>
public sealed class SlackSocketModeInteractivityTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!; // set in InitializeAsync, before any test runs
    private FakeSlackSocketMode _socket = null!;
    private AlignBotFactory _factory = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _socket = await FakeSlackSocketMode.StartAsync(_slack, Token);
        _factory = new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), new Dictionary<string, string?>
        {
            ["AlignBot:Slack:AppToken"] = "xapp-1-A111-test",
            ["AlignBot:Slack:BotToken"] = "xoxb-test-token",
            ["AlignBot:Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });
        _ = _factory.Services; // starts the host, and with it the Socket Mode connection
        await _socket.WaitForConnectionAsync(1, Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _socket.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task SlashCommandEnvelope_HelpInTheDm_AckedAndTheHelpCardIsTheNextMessage()
    {
        var command = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(File.ReadAllText(TestPaths.Reference("slack-payloads", "slash_command.form-urlencoded.txt"))))
        {
            command[key] = value.ToString();
        }

        command["command"] = "/alignbot";
        command["text"] = "help";
        command["channel_id"] = "D0SOCKET";
        command["channel_name"] = "directmessage";
        await _socket.SendAsync(new { envelope_id = "env-command", payload = command, type = "slash_commands", accepts_response_payload = true }, Token);

        await _socket.WaitForAckAsync("env-command", Token);
        var post = Assert.Single(await _slack.WaitForRequestsAsync(1, Token));
        Assert.Equal("chat.postMessage", post.Method);
        Assert.Equal("D0SOCKET", (string?)post.Body?["channel"]);
        Assert.Equal("AlignBot commands", (string?)post.Body?["text"]);
    }

    [Fact]
    public async Task InteractiveEnvelope_HelpCardButton_ProfileCardReplacesTheMessage()
    {
        var help = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "event_callback.message.im.json")))!.AsObject(); // a JSON object
        help["event"]!["text"] = "help";
        await _socket.SendEventAsync("env-help", help, Token);
        var posted = Assert.Single(await _slack.WaitForRequestsAsync(1, Token));
        var (channel, ts) = ((string)posted.Body!["channel"]!, await PostedTsAsync());

        var press = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "block_actions.json")))!.AsObject(); // a JSON object
        press["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = false };
        press["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" };
        press["actions"]![0]!["action_id"] = HelpActions.ShowProfile;
        await _socket.SendAsync(new { envelope_id = "env-press", payload = press, type = "interactive", accepts_response_payload = false }, Token);

        await _socket.WaitForAckAsync("env-press", Token);
        var update = await _slack.WaitForAsync(c => c.Method == "chat.update", Token);
        Assert.Equal(channel, (string?)update.Body?["channel"]);
        Assert.Equal(ts, (string?)update.Body?["ts"]);
        Assert.Contains("What AlignBot knows about you", update.VisibleText, StringComparison.Ordinal);
    }

    /// <summary>The ts Slack gave the help card: the fake answers chat.postMessage with a ts of its own, which AlignBot keeps.</summary>
    private async Task<string> PostedTsAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var ts = await QueryAsync();
            if (ts is not null)
            {
                return ts;
            }

            await Task.Delay(20, timeout.Token);
        }

        async Task<string?> QueryAsync()
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AlignBot.Data.AlignBotDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                db.Outbox.Where(o => o.SentActivityId != null).Select(o => o.SentActivityId), timeout.Token);
        }
    }
}
