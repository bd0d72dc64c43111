using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Core.Feedback;
using AlignBot.Core.Standups;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// Forms on Slack: a stand-up prompt and the feedback card posted as their read-only part with an Open form button,
/// the form as a modal, mistakes answered in the modal, a good submission closing it and updating the message in
/// place; the owner's buttons, refused to someone who may not act.
/// </summary>
public sealed class SlackFormsTests : IAsyncLifetime
{
    private const string Lena = "W111";
    private const string LenaDm = "D111";
    private const string Sam = "W222";
    private const string SamDm = "D222";
    private const string Olga = "W333";
    private const string OlgaDm = "D333";

    private SlackWorld _world = null!; // set in InitializeAsync, before any test runs

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _world = await SlackWorld.StartAsync(Token, new Dictionary<string, string?>
        {
            ["AlignBot:Organization:Teams:0:Id"] = "sales-emea",
            ["AlignBot:Organization:Teams:0:Name"] = "Sales EMEA",
            ["AlignBot:Organization:Teams:0:Kind"] = "Sales",
            ["AlignBot:Organization:Teams:0:TimeZone"] = "Europe/London",
            ["AlignBot:Organization:Teams:0:Leads:0:Id"] = Lena,
            ["AlignBot:Organization:Teams:0:Leads:0:Name"] = "Lena Lead",
            ["AlignBot:Organization:Teams:0:Members:0:Id"] = Sam,
            ["AlignBot:Organization:Teams:0:Members:0:Name"] = "Sam Seller",
            ["AlignBot:Organization:Teams:0:Standups:0:Name"] = "Sales daily",
            ["AlignBot:Organization:Teams:0:Standups:0:At"] = "09:00",
            ["AlignBot:Organization:Teams:0:Standups:0:AnswerWindow"] = "04:00:00",
            ["AlignBot:Organization:Teams:1:Id"] = "product-marketing",
            ["AlignBot:Organization:Teams:1:Name"] = "Product Marketing",
            ["AlignBot:Organization:Teams:1:Kind"] = "Marketing",
            ["AlignBot:Organization:Teams:1:TimeZone"] = "Europe/London",
            ["AlignBot:Organization:Teams:1:Members:0:Id"] = Olga,
            ["AlignBot:Organization:Teams:1:Members:0:Name"] = "Olga Owner",
            ["AlignBot:Feedback:Topics:0"] = "Analytics",
            ["AlignBot:Feedback:Personas:0"] = "CFO",
            ["AlignBot:Feedback:DefaultOwner"] = Olga,
        });
        foreach (var (user, dm) in new[] { (Lena, LenaDm), (Sam, SamDm), (Olga, OlgaDm) })
        {
            await _world.DirectMessageAsync(user, dm, "hello", Token);
        }

        await _world.OutboxDrainedAsync(Token);
    }

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task StandupPrompt_OpenFormMistakeThenAnswer_ErrorsInTheModalThenStoredAndMessageUpdated()
    {
        await _world.DirectMessageAsync(Lena, LenaDm, "standup now", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(StandupActions.Submit, StringComparison.Ordinal), Token);
        var prompt = _world.Slack.Requests.Single(c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == SamDm && c.VisibleText.Contains(BlockKitRenderer.FormActionId, StringComparison.Ordinal));
        Assert.DoesNotContain(prompt.Body!["blocks"]!.AsArray(), b => (string?)b?["type"] == "input");

        var open = await _world.InteractAsync(_world.Press(Sam, SamDm, ts, BlockKitRenderer.FormActionId, "0"), Token);

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);
        Assert.Equal("Submit", (string?)opened.Body?["view"]?["submit"]?["text"]);
        var blockIds = opened.Body!["view"]!["blocks"]!.AsArray().Select(b => (string?)b?["block_id"]).OfType<string>().ToList();
        Assert.Equal(["q_yesterday", "q_today", "q_blockers"], blockIds);

        var mistake = await _world.InteractAsync(_world.Submit(Sam, opened.Body, new Dictionary<string, string> { ["q_yesterday"] = "Demoed to Contoso", ["q_today"] = " ", ["q_blockers"] = "none" }), Token);

        Assert.Equal(HttpStatusCode.OK, mistake.StatusCode);
        var errors = JsonNode.Parse(await mistake.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("errors", (string?)errors["response_action"]);
        Assert.Equal(["q_today"], errors["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(PromptStatus.Prompted, await PromptStatusAsync());

        var good = await _world.InteractAsync(_world.Submit(Sam, opened.Body, new Dictionary<string, string> { ["q_yesterday"] = "Demoed to Contoso", ["q_today"] = "Proposal for Fabrikam", ["q_blockers"] = "none" }), Token);

        Assert.Equal("clear", (string?)JsonNode.Parse(await good.Content.ReadAsStringAsync(Token))!["response_action"]);
        var update = await _world.WaitForCallAsync(c => c.Method == "chat.update", Token);
        Assert.Equal(SamDm, (string?)update.Body?["channel"]);
        Assert.Equal(ts, (string?)update.Body?["ts"]);
        Assert.Contains("answered", update.VisibleText, StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Answered, await PromptStatusAsync());
        Assert.Contains("Proposal for Fabrikam", await _world.QueryAsync(db => db.StandupPrompts.Where(p => p.MemberId == Sam).Select(p => p.AnswersJson).SingleAsync(Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandupPrompt_SkipOnTheMessage_MessageUpdatedWithoutAModal()
    {
        await _world.DirectMessageAsync(Lena, LenaDm, "standup now", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(StandupActions.Submit, StringComparison.Ordinal), Token);
        var skip = _world.Slack.Requests.Single(c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == SamDm && c.VisibleText.Contains(StandupActions.Skip, StringComparison.Ordinal))
            .Body!["blocks"]!.AsArray().SelectMany(b => b?["elements"]?.AsArray() ?? []).Single(e => (string?)e?["action_id"] == StandupActions.Skip)!;

        await _world.InteractAsync(_world.Press(Sam, SamDm, ts, StandupActions.Skip, (string?)skip["value"]), Token);

        var update = await _world.WaitForCallAsync(c => c.Method == "chat.update", Token);
        Assert.Equal(ts, (string?)update.Body?["ts"]);
        Assert.Contains("Skipped", update.VisibleText, StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Skipped, await PromptStatusAsync());
        Assert.DoesNotContain(_world.Slack.Requests, c => c.Method == "views.open");
    }

    [Fact]
    public async Task Feedback_FiledFromAModal_RoutedToItsOwnerAndTheCardBecomesTheReceipt()
    {
        await _world.DirectMessageAsync(Sam, SamDm, "feedback", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(FeedbackActions.Submit, StringComparison.Ordinal), Token);
        await _world.InteractAsync(_world.Press(Sam, SamDm, ts, BlockKitRenderer.FormActionId, "0"), Token);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);

        var response = await _world.InteractAsync(_world.Submit(Sam, opened.Body!, new Dictionary<string, string>
        {
            [FeedbackForm.Kind] = "ContentGap",
            [FeedbackForm.Topic] = "Analytics",
            [FeedbackForm.Urgency] = "High",
            [FeedbackForm.Description] = "Contoso's CFO wants an ROI calculator.",
        }), Token);

        Assert.Equal("clear", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["response_action"]);
        var ownerCard = await _world.WaitForCallAsync(c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == OlgaDm && c.VisibleText.Contains("#1", StringComparison.Ordinal), Token);
        Assert.Contains(FeedbackActions.Acknowledge, ownerCard.VisibleText, StringComparison.Ordinal);
        var receipt = await _world.WaitForCallAsync(c => c.Method == "chat.update" && (string?)c.Body?["ts"] == ts, Token);
        Assert.Contains("Olga Owner", receipt.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await _world.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));
    }

    [Fact]
    public async Task Feedback_ModalWithAMissingKind_ErrorUnderTheKindAndNothingFiled()
    {
        await _world.DirectMessageAsync(Sam, SamDm, "feedback", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(FeedbackActions.Submit, StringComparison.Ordinal), Token);
        await _world.InteractAsync(_world.Press(Sam, SamDm, ts, BlockKitRenderer.FormActionId, "0"), Token);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);

        var response = await _world.InteractAsync(_world.Submit(Sam, opened.Body!, new Dictionary<string, string>
        {
            [FeedbackForm.Topic] = "Analytics",
            [FeedbackForm.Description] = "Contoso's CFO wants an ROI calculator.",
        }), Token);

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.NotNull(answer["errors"]?[FeedbackForm.Kind]);
        Assert.Equal(0, await _world.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));
    }

    [Fact]
    public async Task Feedback_SameMistakenSubmissionSentAgain_SameErrorsAndTheModalStaysOpen()
    {
        await _world.DirectMessageAsync(Sam, SamDm, "feedback", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(FeedbackActions.Submit, StringComparison.Ordinal), Token);
        await _world.InteractAsync(_world.Press(Sam, SamDm, ts, BlockKitRenderer.FormActionId, "0"), Token);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);
        var mistake = _world.Submit(Sam, opened.Body!, new Dictionary<string, string> { [FeedbackForm.Topic] = "Analytics", [FeedbackForm.Description] = "ROI calculator" });
        await _world.InteractAsync(mistake, Token);

        var again = await _world.InteractAsync(mistake, Token);

        var answer = JsonNode.Parse(await again.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("errors", (string?)answer["response_action"]); // a "clear" would close the form with nothing filed
        Assert.NotNull(answer["errors"]?[FeedbackForm.Kind]);
        Assert.Equal(0, await _world.QueryAsync(db => db.FeedbackItems.CountAsync(Token)));
    }

    [Fact]
    public async Task OpenForm_SamePressSentAgain_ModalOpenedOnce()
    {
        await _world.DirectMessageAsync(Sam, SamDm, "feedback", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(FeedbackActions.Submit, StringComparison.Ordinal), Token);
        var press = _world.Press(Sam, SamDm, ts, BlockKitRenderer.FormActionId, "0");
        await _world.InteractAsync(press, Token);
        await _world.WaitForCallAsync(c => c.Method == "views.open", Token);

        var again = await _world.InteractAsync(press, Token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_world.Slack.CallsOf("views.open")); // views.open returned before the second press was answered
    }

    [Fact]
    public async Task OwnerAction_BySomeoneNotAllowed_RefusedOnlyToThemAndNothingChanges()
    {
        var ownerTs = await FileFeedbackAsync();
        var updatesBefore = _world.Slack.Requests.Count(c => c.Method == "chat.update");

        var response = await _world.InteractAsync(_world.Press(Sam, OlgaDm, ownerTs, FeedbackActions.Acknowledge, """{"item":"1"}"""), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusal = await _world.WaitForCallAsync(c => c.Method == "chat.postEphemeral", Token);
        Assert.Equal(Sam, (string?)refusal.Body?["user"]);
        Assert.Contains("Only Olga Owner", (string?)refusal.Body?["text"], StringComparison.Ordinal);
        await _world.OutboxDrainedAsync(Token);
        Assert.Equal(updatesBefore, _world.Slack.Requests.Count(c => c.Method == "chat.update"));
        Assert.Equal(FeedbackStatus.Open, await _world.QueryAsync(db => db.FeedbackItems.Select(i => i.Status).SingleAsync(Token)));
    }

    [Fact]
    public async Task OwnerResolve_ItsOwnFormInAModal_ResolvedAndTheOwnersCardUpdated()
    {
        var ownerTs = await FileFeedbackAsync();
        var resolve = _world.Slack.Requests.Single(c => c.Method == "chat.postMessage" && (string?)c.Body?["channel"] == OlgaDm && c.VisibleText.Contains(FeedbackActions.Acknowledge, StringComparison.Ordinal))
            .Body!["blocks"]!.AsArray().SelectMany(b => b?["elements"]?.AsArray() ?? []).Single(e => (string?)e?["text"]?["text"] == "Resolve")!;
        Assert.StartsWith(BlockKitRenderer.FormActionId, (string?)resolve["action_id"], StringComparison.Ordinal);

        var press = _world.Press(Olga, OlgaDm, ownerTs, (string)resolve["action_id"]!, (string?)resolve["value"]);
        await _world.InteractAsync(press, Token);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open" && (string?)c.Body?["trigger_id"] == (string?)press["trigger_id"], Token);
        Assert.Equal("Resolve", (string?)opened.Body?["view"]?["submit"]?["text"]);
        var response = await _world.InteractAsync(_world.Submit(Olga, opened.Body!, new Dictionary<string, string> { [FeedbackActions.Note] = "Here is the calculator" }), Token);

        Assert.Equal("clear", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["response_action"]);
        var update = await _world.WaitForCallAsync(c => c.Method == "chat.update" && (string?)c.Body?["ts"] == ownerTs, Token);
        Assert.Equal(OlgaDm, (string?)update.Body?["channel"]);
        Assert.Equal(FeedbackStatus.Resolved, await _world.QueryAsync(db => db.FeedbackItems.Select(i => i.Status).SingleAsync(Token)));
    }

    [Fact]
    public async Task MessageShortcut_SendToAlignBot_FormPrefilledInAModal()
    {
        var shortcut = SlackWorld.Reference("message_action.json");
        shortcut["callback_id"] = FeedbackActions.SendToAlignBot;
        shortcut["user"]!["id"] = Sam;
        shortcut["message"]!["text"] = "Contoso asked for an ROI calculator &amp; a <https://example.com|deck>";

        var response = await _world.InteractAsync(shortcut, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);
        Assert.Equal("111.222.xxx", (string?)opened.Body?["trigger_id"]);
        Assert.Equal(FeedbackActions.SendToAlignBotTitle, (string?)opened.Body?["view"]?["title"]?["text"]);
        var description = opened.Body!["view"]!["blocks"]!.AsArray().Single(b => (string?)b?["block_id"] == FeedbackForm.Description)!;
        Assert.Equal("Contoso asked for an ROI calculator & a deck", (string?)description["element"]?["initial_value"]);
        var permalink = Assert.Single(_world.Slack.CallsOf("chat.getPermalink"));
        var ts = (string?)shortcut["message_ts"];
        Assert.Equal(ts, (string?)permalink.Body?["message_ts"]);
        Assert.Contains($"https://fake.slack.com/archives/{(string?)permalink.Body?["channel"]}/p{ts!.Replace(".", "", StringComparison.Ordinal)}", opened.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StandupModal_SkipInsideTheModal_ModalShowsTheResultAndMessageUpdated()
    {
        await _world.DirectMessageAsync(Lena, LenaDm, "standup now", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(StandupActions.Submit, StringComparison.Ordinal), Token);
        await _world.InteractAsync(_world.Press(Sam, SamDm, ts, BlockKitRenderer.FormActionId, "0"), Token);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);
        var skip = opened.Body!["view"]!["blocks"]!.AsArray().SelectMany(b => b?["elements"]?.AsArray() ?? []).Single(e => (string?)e?["action_id"] == StandupActions.Skip)!;
        var press = _world.Press(Sam, SamDm, ts, StandupActions.Skip, (string?)skip["value"]);
        press["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V111" };
        press["view"] = _world.Submit(Sam, opened.Body, new Dictionary<string, string>())["view"]!.DeepClone();

        var response = await _world.InteractAsync(press, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var modal = await _world.WaitForCallAsync(c => c.Method == "views.update", Token);
        Assert.Equal("V111", (string?)modal.Body?["view_id"]);
        Assert.Null(modal.Body?["view"]?["submit"]);
        Assert.Contains("Skipped", modal.VisibleText, StringComparison.Ordinal);
        var update = await _world.WaitForCallAsync(c => c.Method == "chat.update", Token);
        Assert.Equal(ts, (string?)update.Body?["ts"]);
        Assert.Equal(PromptStatus.Skipped, await PromptStatusAsync());
    }

    [Theory]
    [InlineData(FeedbackActions.Open)] // the manifest's "Send feedback to marketing"
    [InlineData(FeedbackActions.SendToAlignBot)]
    public async Task GlobalShortcut_EmptyFeedbackFormInAModal(string callbackId)
    {
        var shortcut = SlackWorld.Reference("shortcut.global.json");
        shortcut["callback_id"] = callbackId;
        shortcut["user"]!["id"] = Sam;

        await _world.InteractAsync(shortcut, Token);

        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);
        Assert.Equal("111.111.xxxxxx", (string?)opened.Body?["trigger_id"]);
        Assert.Contains(opened.Body!["view"]!["blocks"]!.AsArray(), b => (string?)b?["block_id"] == FeedbackForm.Kind);
    }

    /// <summary>Sam files a content gap from the feedback modal; returns the ts of the owner's card in Olga's DM, once everything is sent.</summary>
    private async Task<string> FileFeedbackAsync()
    {
        await _world.DirectMessageAsync(Sam, SamDm, "feedback", Token);
        var ts = await _world.SentTsAsync(r => r.ConversationId == SamDm && r.Payload.Contains(FeedbackActions.Submit, StringComparison.Ordinal), Token);
        await _world.InteractAsync(_world.Press(Sam, SamDm, ts, BlockKitRenderer.FormActionId, "0"), Token);
        var opened = await _world.WaitForCallAsync(c => c.Method == "views.open", Token);
        await _world.InteractAsync(_world.Submit(Sam, opened.Body!, new Dictionary<string, string>
        {
            [FeedbackForm.Kind] = "ContentGap", [FeedbackForm.Topic] = "Analytics", [FeedbackForm.Urgency] = "High", [FeedbackForm.Description] = "ROI calculator",
        }), Token);
        var ownerTs = await _world.SentTsAsync(r => r.ConversationId == OlgaDm && r.Payload.Contains(FeedbackActions.Acknowledge, StringComparison.Ordinal), Token);
        await _world.OutboxDrainedAsync(Token);
        return ownerTs;
    }

    private Task<PromptStatus> PromptStatusAsync() =>
        _world.QueryAsync(db => db.StandupPrompts.Where(p => p.MemberId == Sam).Select(p => p.Status).SingleAsync(Token));
}
