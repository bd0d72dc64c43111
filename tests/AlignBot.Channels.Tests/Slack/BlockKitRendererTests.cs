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
    public void Render_CardWithInputsAndRepeatedVerb_SaysWhatIsNotShownAndKeepsActionIdsUnique()
    {
        var card = new AdaptiveCard
        {
            Body = [new InputText { Id = "today", Label = "Today" }, new TextBlock("Use **bold** & [links](https://example.com)")],
            Actions = [new ExecuteAction("A", "x.go"), new ExecuteAction("B", "x.go")],
        };

        var blocks = BlockKitRenderer.Render(card);

        Assert.Equal("Use *bold* &amp; <https://example.com|links>", (string?)blocks[0]?["text"]?["text"]);
        Assert.Equal(["x.go", "x.go|2"], blocks[1]!["elements"]!.AsArray().Select(e => (string?)e?["action_id"])); // the actions block follows the text
        Assert.Equal(BlockKitRenderer.NotRenderedNote, (string?)blocks[^1]?["elements"]?[0]?["text"]);
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
        }
    }
}
