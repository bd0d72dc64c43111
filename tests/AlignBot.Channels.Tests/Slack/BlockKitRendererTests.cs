using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Core.Cards;
using AlignBot.Core.Feedback;
using AlignBot.Core.Help;
using AlignBot.Core.Routing;
using AlignBot.Tests.Shared;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>The card model as Block Kit: the help card in full, what is not rendered yet, and Block Kit's limits over every card.</summary>
public sealed class BlockKitRendererTests
{
    [Fact]
    public void Render_HelpCard_SectionsFieldsAndButtons()
    {
        var router = new ChatRouter();
        HelpHandlers.Map(router);

        var blocks = BlockKitRenderer.Render(HelpCards.Help(router.Commands));

        Assert.Equal("section", (string?)blocks[0]?["type"]);
        Assert.Equal("*AlignBot commands*", (string?)blocks[0]?["text"]?["text"]);
        var fields = blocks[1]?["fields"]?.AsArray() ?? [];
        Assert.Contains(fields, f => ((string?)f?["text"] ?? "").StartsWith("*help*\n", StringComparison.Ordinal));
        Assert.Contains(fields, f => ((string?)f?["text"] ?? "").StartsWith("*whoami*\n", StringComparison.Ordinal));
        var actions = blocks.Single(b => (string?)b?["type"] == "actions");
        var ids = actions!["elements"]!.AsArray().Select(e => (string?)e?["action_id"]).ToList(); // an actions block always has elements
        Assert.Equal([FeedbackActions.Open, HelpActions.ShowProfile], ids);
        Assert.DoesNotContain(blocks, b => (string?)b?["type"] == "context" && ((string?)b["elements"]?[0]?["text"]) == BlockKitRenderer.NotRenderedNote);
    }

    [Fact]
    public void Render_ExecuteActionWithData_ValueIsTheDataAsJson()
    {
        var card = new AdaptiveCard { Body = [new ActionSet([new ExecuteAction("Go", "standup.open") { Data = new Dictionary<string, string> { ["id"] = "42" } }])] };

        var button = BlockKitRenderer.Render(card)[0]?["elements"]?[0];

        Assert.Equal("standup.open", (string?)button?["action_id"]);
        Assert.Equal("""{"id":"42"}""", (string?)button?["value"]);
    }

    [Fact]
    public void Render_CardWithInputsAndRepeatedVerb_ReadOnlyPartOpenFormAndButtonsThatNeedNoInput()
    {
        var card = new AdaptiveCard
        {
            Body = [new InputText { Id = "today", Label = "Today" }, new TextBlock("Use **bold** & [links](https://example.com)")],
            Actions = [new ExecuteAction("Send", "x.go"), new ExecuteAction("A", "x.skip") { AssociatedInputs = "none" }, new ExecuteAction("B", "x.skip") { AssociatedInputs = "none" }],
        };

        var blocks = BlockKitRenderer.Render(card);

        Assert.Equal(2, blocks.Count);
        Assert.Equal("Use *bold* &amp; <https://example.com|links>", (string?)blocks[0]?["text"]?["text"]);
        var buttons = blocks[1]!["elements"]!.AsArray();
        Assert.Equal([BlockKitRenderer.FormActionId, "x.skip", "x.skip|2"], buttons.Select(e => (string?)e?["action_id"]));
        Assert.Equal("0", (string?)buttons[0]?["value"]);
        Assert.Equal("Open form", (string?)buttons[0]?["text"]?["text"]);
    }

    [Fact]
    public void Render_ShowCardActions_ButtonsNumberedByForm()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("Item #12")],
            Actions =
            [
                new ExecuteAction("Acknowledge", "f.ack") { AssociatedInputs = "none" },
                new ShowCardAction("Resolve", new AdaptiveCard { Body = [new InputText { Id = "note" }], Actions = [new ExecuteAction("Resolve", "f.resolve")] }),
                new ShowCardAction("Decline", new AdaptiveCard { Body = [new InputText { Id = "reason" }], Actions = [new ExecuteAction("Decline", "f.decline")] }),
            ],
        };

        var buttons = BlockKitRenderer.Render(card)[1]!["elements"]!.AsArray();

        Assert.Equal(["f.ack", BlockKitRenderer.FormActionId, BlockKitRenderer.FormActionId + "|2"], buttons.Select(e => (string?)e?["action_id"]));
        Assert.Equal(["1", "2"], buttons.Skip(1).Select(e => (string?)e?["value"]));
        var decline = BlockKitRenderer.RenderModal(card, 2, "ignored", _ => "{}")!;
        Assert.Equal("Decline", (string?)decline.View["title"]?["text"]);
        Assert.Equal("f.decline", decline.Submit?.Verb);
        Assert.Equal("reason", (string?)decline.View["blocks"]?[0]?["block_id"]);
        Assert.Null(BlockKitRenderer.RenderModal(card, 3, "x", _ => "{}"));
    }

    [Fact]
    public void RenderModal_StandupPrompt_InputsSubmitAndOtherButtons()
    {
        var card = CardGallery.All().Single(c => c.Name == "standup.prompt-with-errors").Card;

        var modal = BlockKitRenderer.RenderModal(card, 0, "Sales EMEA daily, the long name", submit => "meta:" + submit?.Verb)!;

        var view = modal.View;
        Assert.Equal("modal", (string?)view["type"]);
        Assert.Equal(24, ((string?)view["title"]?["text"])!.Length);
        Assert.Equal("Submit", (string?)view["submit"]?["text"]);
        Assert.Equal("meta:standup.submit", (string?)view["private_metadata"]);
        var blocks = view["blocks"]!.AsArray();
        var yesterday = blocks.Single(b => (string?)b?["block_id"] == "q_yesterday")!;
        Assert.Equal("input", (string?)yesterday["type"]);
        Assert.False((bool?)yesterday["optional"]);
        Assert.Equal("plain_text_input", (string?)yesterday["element"]?["type"]);
        Assert.True((bool?)yesterday["element"]?["multiline"]);
        Assert.Equal("Demoed to Contoso", (string?)yesterday["element"]?["initial_value"]);
        Assert.Equal(3000, (int?)yesterday["element"]?["max_length"]); // the card's 4,000 is over what Slack takes
        var confidence = blocks.Single(b => (string?)b?["block_id"] == "q_confidence")!;
        Assert.True((bool?)confidence["optional"]);
        Assert.Equal("static_select", (string?)confidence["element"]?["type"]);
        var others = blocks.Where(b => (string?)b?["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string?)e?["action_id"]);
        Assert.Equal(["standup.skip", "standup.snooze"], others);
    }

    [Fact]
    public void RenderModal_EveryInputKind_MatchingBlockKitElements()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new InputChoiceSet([new Choice("A", "a"), new Choice("B", "b")]) { Id = "multi", IsMultiSelect = true, Value = "a,b" },
                new InputChoiceSet([new Choice("A", "a"), new Choice("B", "b")]) { Id = "radio", Style = ChoiceSetStyle.Expanded, Value = "b", IsRequired = true },
                new InputDate { Id = "day", Value = "2026-12-24" },
                new InputTime { Id = "at", Value = "09:30" },
                new InputToggle("Paused") { Id = "paused", Value = "true" },
            ],
            Actions = [new ExecuteAction("Save", "x.save")],
        };

        var blocks = BlockKitRenderer.RenderModal(card, 0, "Edit", _ => "")!.View["blocks"]!.AsArray();

        Assert.Equal(["checkboxes", "radio_buttons", "datepicker", "timepicker", "checkboxes"], blocks.Select(b => (string?)b?["element"]?["type"]));
        Assert.Equal(2, blocks[0]!["element"]!["initial_options"]!.AsArray().Count);
        Assert.Equal("b", (string?)blocks[1]!["element"]!["initial_option"]?["value"]);
        Assert.Equal("2026-12-24", (string?)blocks[2]!["element"]!["initial_date"]);
        Assert.Equal("09:30", (string?)blocks[3]!["element"]!["initial_time"]);
        Assert.Equal("true", (string?)blocks[4]!["element"]!["initial_options"]?[0]?["value"]);
        Assert.All(blocks, b => Assert.Equal(BlockKitRenderer.InputActionId, (string?)b?["element"]?["action_id"]));
    }

    [Fact]
    public void Render_EveryCardInTheGallery_KeepsBlockKitMessageLimits()
    {
        foreach (var (name, card) in CardGallery.All())
        {
            var blocks = BlockKitRenderer.Render(card);

            Assert.True(blocks.Count <= 50, $"{name}: {blocks.Count} blocks");
            foreach (var block in blocks)
            {
                Assert.True(((string?)block?["text"]?["text"] ?? "").Length <= 3000, name);
                Assert.True((block?["fields"]?.AsArray().Count ?? 0) <= 10, name);
                var ids = block?["elements"]?.AsArray().Select(e => (string?)e?["action_id"]).Where(id => id is not null).ToList() ?? [];
                Assert.True(ids.Count <= 25, name);
                Assert.All(ids, id => Assert.True(id!.Length <= 255, name));
            }

            var allIds = blocks.SelectMany(b => b?["elements"]?.AsArray() ?? []).Select(e => (string?)e?["action_id"]).Where(id => id is not null).ToList();
            Assert.Equal(allIds.Count, allIds.Distinct().Count());
            Assert.All(blocks.SelectMany(b => b?["elements"]?.AsArray() ?? []), e => Assert.True(((string?)e?["value"] ?? "").Length <= 2000, name));
        }
    }

    [Fact]
    public void RenderModal_EveryFormInTheGallery_KeepsBlockKitModalLimits()
    {
        var forms = 0;
        foreach (var (name, card) in CardGallery.All())
        {
            var count = (BlockKitRenderer.HasInputs(card) ? 1 : 0) + BlockKitRenderer.ShowCards(card).Count;
            for (var form = BlockKitRenderer.HasInputs(card) ? 0 : 1; form <= BlockKitRenderer.ShowCards(card).Count; form++)
            {
                var modal = BlockKitRenderer.RenderModal(card, form, name, _ => new string('m', 3000));
                Assert.NotNull(modal);
                var view = modal.View;
                var blocks = view["blocks"]!.AsArray();
                var where = $"{name} form {form}";

                Assert.InRange(blocks.Count, 1, 100);
                Assert.InRange(((string?)view["title"]?["text"])!.Length, 1, 24);
                Assert.True(((string?)view["submit"]?["text"] ?? "").Length <= 24, where);
                Assert.True(modal.Submit is not null && view["submit"] is not null, where + ": a form needs its submit");
                var blockIds = blocks.Select(b => (string?)b?["block_id"]).OfType<string>().ToList();
                Assert.Equal(blockIds.Count, blockIds.Distinct().Count());
                Assert.All(blockIds, id => Assert.True(id.Length <= 255, where));
                foreach (var block in blocks)
                {
                    Assert.True(((string?)block?["text"]?["text"] ?? "").Length <= 3000, where);
                    Assert.True(((string?)block?["label"]?["text"] ?? "").Length <= 2000, where);
                    var element = block?["element"];
                    Assert.True(((string?)element?["initial_value"] ?? "").Length <= ((int?)element?["max_length"] ?? 3000), where);
                    Assert.True((element?["options"]?.AsArray().Count ?? 0) <= ((string?)element?["type"] is "static_select" or "multi_static_select" ? 100 : 10), where);
                    Assert.All(element?["options"]?.AsArray() ?? [], o => Assert.True(((string?)o?["text"]?["text"])!.Length <= 75 && ((string?)o?["value"])!.Length <= 150, where));
                    var ids = block?["elements"]?.AsArray().Select(e => (string?)e?["action_id"]).OfType<string>().ToList() ?? [];
                    Assert.All(ids, id => Assert.True(id.Length <= 255, where));
                }

                forms++;
            }

            Assert.True(count == 0 || forms > 0, name);
        }

        Assert.True(forms >= 10, $"only {forms} forms in the gallery");
    }
}
