using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Core.Organization;
using AlignBot.Core.Standups;
using AlignBot.Host.Standups;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// A stand-up whose team lives in a Slack channel, end to end through the real endpoints: <c>setup</c> and
/// <c>standup new</c> in the channel (forms in modals), each member prompted in their DM at their own local time,
/// answers in the modal, the day's report in the channel with answers threaded under it and its summary updated in
/// place, the blocker notice to the lead; nothing sent twice.
/// </summary>
public sealed class SlackStandupTests : IAsyncLifetime
{
    private const string Channel = "C0SALES";
    private const string Lena = "W111"; // the lead, in London
    private const string Sam = "W222"; // a seller, in New York

    private SlackWorld _world = null!; // set in InitializeAsync, before any test runs

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await SlackWorld.StartAsync(Token);
        _world.Slack.AddUser(Lena, name: "Lena Lead", timeZone: "Europe/London");
        _world.Slack.AddUser(Sam, name: "Sam Seller", timeZone: "America/New_York");
        _world.Slack.AddUser(FakeSlackApi.BotUserId, name: "AlignBot", isBot: true);
        _world.Slack.SetMembers(Channel, Lena, FakeSlackApi.BotUserId, Sam);
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task TeamInASlackChannel_SetupStandupPromptsAtLocalTimeAnswerInModal_ReportThreadedInTheChannel()
    {
        // setup, typed in the channel: the card with the channel's roster, its form in a modal.
        await SubmitFormAsync("setup", TeamActions.Save, new()
        {
            [TeamCards.NameInput] = "Sales EMEA",
            [TeamCards.KindInput] = "Sales",
            [TeamCards.ZoneInput] = "Europe/London",
            [TeamCards.MembersInput] = $"{Lena},{Sam}",
            [TeamCards.LeadsInput] = Lena,
        });
        var team = await _world.QueryAsync(db => db.Teams.Include(t => t.Members).SingleAsync(Token));
        Assert.Equal(Channel, team.HomeConversationId);
        Assert.Equal([$"{Lena}:Lead", $"{Sam}:Member"], team.Members.Select(m => $"{m.MemberId}:{m.Role}").Order());

        await SubmitFormAsync("standup new", TeamActions.SaveStandup, new()
        {
            [TeamCards.StandupNameInput] = "Sales daily",
            [TeamCards.StandupTimeInput] = "10:00",
            [TeamCards.StandupDaysInput] = "Monday,Tuesday,Wednesday,Thursday,Friday",
            [TeamCards.StandupWindowInput] = "240",
            [TeamCards.StandupReminderInput] = "0",
            [TeamCards.StandupQuestionsInput] = "What did you do yesterday?\nWhat will you do today?\n!?Anything blocking you?",
        });
        Assert.Equal(1, await _world.QueryAsync(db => db.Standups.CountAsync(Token)));
        await _world.OutboxDrainedAsync(Token);
        var before = _world.Slack.Requests.Count;

        // 10:00 in London: Lena is prompted in her DM, Sam (05:00 in New York) is not; the report opens in the channel.
        await RunUntilAsync(AlignBotFactory.DefaultStart.AddHours(1));
        await _world.OutboxDrainedAsync(Token);
        var lenaPrompt = await _world.WaitForCallAsync(c => c.Method == "chat.postMessage" && IsDm((string?)c.Body?["channel"]) && c.VisibleText.Contains(BlockKitRenderer.FormActionId, StringComparison.Ordinal), Token);
        var lenaDm = (string)lenaPrompt.Body!["channel"]!;
        Assert.Single(_world.Slack.Requests.Skip(before), c => c.Method == "chat.postMessage" && IsDm((string?)c.Body?["channel"]));
        Assert.Single(_world.Slack.AllCalls, c => c.Method == "conversations.open" && (string?)c.Body?["users"] == Lena);
        Assert.Single(_world.Slack.Requests, c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == Channel && c.VisibleText.Contains("Sales daily", StringComparison.Ordinal) && c.Body?["thread_ts"] is null && !c.VisibleText.Contains(BlockKitRenderer.FormActionId, StringComparison.Ordinal));
        var standupId = await _world.QueryAsync(db => db.Standups.Select(s => s.Id).SingleAsync(Token));
        var reportTs = await _world.SentTsAsync(r => r.ConversationId == Channel && r.Key == StandupReport.Key(standupId, new DateOnly(2026, 11, 23)), Token);

        // 10:00 in New York (15:00 UTC): Sam is prompted in his DM, opened with conversations.open.
        await RunUntilAsync(AlignBotFactory.DefaultStart.AddHours(6));
        await _world.OutboxDrainedAsync(Token);
        var samPrompt = await _world.WaitForCallAsync(c => c.Method == "chat.postMessage" && IsDm((string?)c.Body?["channel"]) && (string?)c.Body?["channel"] != lenaDm, Token);
        var samDm = (string)samPrompt.Body!["channel"]!;
        var samTs = await _world.SentTsAsync(r => (r.SentConversationId ?? r.ConversationId) == samDm && r.Payload.Contains(StandupActions.Submit, StringComparison.Ordinal), Token);

        // Sam answers in the modal, with a blocker.
        await _world.InteractAsync(_world.Press(Sam, samDm, samTs, BlockKitRenderer.FormActionId, "0"), Token);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open" && (string?)c.Body?["view"]?["private_metadata"] is { } m && m.Contains(samDm, StringComparison.Ordinal), Token);
        var questions = opened.Body!["view"]!["blocks"]!.AsArray().Where(b => (string?)b?["type"] == "input").Select(b => (string)b!["block_id"]!).ToList();
        Assert.Equal(3, questions.Count);
        var answered = await _world.InteractAsync(_world.Submit(Sam, opened.Body!, new Dictionary<string, string>
        {
            [questions[0]] = "Demoed to Contoso",
            [questions[1]] = "Proposal for Fabrikam",
            [questions[2]] = "Waiting on the pricing sheet",
        }), Token);
        var answer = await answered.Content.ReadAsStringAsync(Token);
        Assert.True((string?)JsonNode.Parse(answer)!["response_action"] == "clear", answer);
        await _world.OutboxDrainedAsync(Token);

        var reply = Assert.Single(_world.Slack.Requests, c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == Channel && (string?)c.Body?["thread_ts"] == reportTs);
        Assert.Contains("Proposal for Fabrikam", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Sam Seller", reply.VisibleText, StringComparison.Ordinal);
        var summary = _world.Slack.Requests.Last(c => c.Method == "chat.update" && (string?)c.Body?["channel"] == Channel && (string?)c.Body?["ts"] == reportTs);
        Assert.Contains("1 answered", summary.VisibleText, StringComparison.Ordinal);
        var blocker = Assert.Single(_world.Slack.Requests, c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == lenaDm && c.VisibleText.Contains("pricing sheet", StringComparison.Ordinal));
        Assert.Contains("Sam Seller", blocker.VisibleText, StringComparison.Ordinal);
        Assert.Contains(_world.Slack.Requests, c => c.Method == "chat.update" && (string?)c.Body?["channel"] == samDm && (string?)c.Body?["ts"] == samTs);

        // Later ticks the same day send nothing again: one report, one prompt each.
        await RunUntilAsync(AlignBotFactory.DefaultStart.AddHours(8));
        await _world.OutboxDrainedAsync(Token);
        Assert.Single(_world.Slack.Requests, c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == Channel && c.Body?["thread_ts"] is null && c.VisibleText.Contains("Sales daily", StringComparison.Ordinal) && !c.VisibleText.Contains(BlockKitRenderer.FormActionId, StringComparison.Ordinal));
        Assert.Single(_world.Slack.Requests, c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == samDm);
        Assert.Single(_world.Slack.AllCalls, c => c.Method == "conversations.open" && (string?)c.Body?["users"] == Sam);
        Assert.Equal(2, _world.Slack.Requests.Count(c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == lenaDm)); // her prompt and Sam's blocker
        Assert.Equal(2, await _world.QueryAsync(db => db.StandupPrompts.CountAsync(Token)));
    }

    [Fact]
    public async Task Setup_MemberWhoChoseTheirZone_KeepsTheirChoiceOverTheProfile()
    {
        await _world.DirectMessageAsync(Sam, "D222", "timezone Asia/Tokyo", Token);
        await _world.OutboxDrainedAsync(Token);

        await SubmitFormAsync("setup", TeamActions.Save, new()
        {
            [TeamCards.NameInput] = "Sales EMEA",
            [TeamCards.KindInput] = "Sales",
            [TeamCards.ZoneInput] = "Europe/London",
            [TeamCards.MembersInput] = $"{Lena},{Sam}",
            [TeamCards.LeadsInput] = Lena,
        });

        var zones = await _world.QueryAsync(db => db.People.Where(p => p.UserId == Lena || p.UserId == Sam).ToDictionaryAsync(p => p.UserId, p => p.TimeZone, Token));
        Assert.Equal("Asia/Tokyo", zones[Sam]);
        Assert.Equal("Europe/London", zones[Lena]);
    }

    private static bool IsDm(string? channel) => channel is not null && channel.StartsWith('D');

    /// <summary>Types <paramref name="command"/> in the channel, opens the card's form and submits it with these values.</summary>
    private async Task SubmitFormAsync(string command, string verb, Dictionary<string, string> values)
    {
        var opens = _world.Slack.Requests.Count(c => c.Method == "views.open");
        var mention = await _world.MentionAsync(Lena, Channel, command, Token);
        Assert.Equal(HttpStatusCode.OK, mention.StatusCode);
        var ts = await _world.SentTsAsync(r => r.ConversationId == Channel && r.Payload.Contains(verb, StringComparison.Ordinal), Token);

        var open = await _world.InteractAsync(_world.Press(Lena, Channel, ts, BlockKitRenderer.FormActionId, "0"), Token);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        await _world.WaitForCallAsync(c => c.Method == "views.open" && _world.Slack.Requests.Count(r => r.Method == "views.open") > opens, Token);
        var opened = _world.Slack.Requests.Where(c => c.Method == "views.open").Last();

        var submitted = await _world.InteractAsync(_world.Submit(Lena, opened.Body!, values), Token);
        var body = await submitted.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.True(body.Length == 0 || (string?)JsonNode.Parse(body)?["response_action"] != "errors", body);
    }

    private async Task RunUntilAsync(DateTimeOffset until)
    {
        while (_world.Factory.Clock.GetUtcNow() < until)
        {
            var next = _world.Factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(15);
            _world.Factory.Clock.SetUtcNow(next < until ? next : until);
            await using var scope = _world.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StandupTickJob>().RunAsync(Token);
        }
    }
}
