using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Channels.Slack.Interactions;
using AlignBot.Core.Conversations;
using AlignBot.Tests.Shared;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>The real interactivity payloads and slash command in shared/reference parsed into the ChatEvent they stand for.</summary>
public sealed class SlackInteractionParserTests
{
    [Fact]
    public void Parse_BlockActions_IsThePressOnTheMessage()
    {
        var parsed = Assert.IsType<ParsedSlackInteraction.Event>(Parse(Reference("block_actions.json")));

        var press = Assert.IsType<CardActionSubmitted>(parsed.ChatEvent);
        Assert.Equal("a", press.Verb);
        Assert.Empty(press.Inputs); // "click_me_123" is not AlignBot's data
        Assert.False(press.ExpectsCardResponse);
        Assert.Equal("111.222", press.ActivityId);
        Assert.Equal("action:111.222.valid", press.DeliveryId);
        Assert.Equal(new ConversationRef(Platform.Slack, "T111", "C111", ConversationKind.Channel, null), press.Conversation);
        Assert.Equal("W111", press.From?.UserId);
        Assert.Equal("111.222.valid", parsed.TriggerId);
    }

    [Fact]
    public void Parse_RepeatedVerbWithData_SuffixDroppedAndDataAsInputs()
    {
        var payload = Reference("block_actions.json");
        payload["actions"]![0]!["action_id"] = "feedback.rate|2";
        payload["actions"]![0]!["value"] = """{"item":"12","helpful":"false"}""";

        var press = Assert.IsType<CardActionSubmitted>(Assert.IsType<ParsedSlackInteraction.Event>(Parse(payload)).ChatEvent);

        Assert.Equal("feedback.rate", press.Verb);
        Assert.Equal("12", press.Inputs["item"]);
        Assert.Equal("false", press.Inputs["helpful"]);
    }

    [Fact]
    public void Parse_OpenFormButton_IsTheFormToOpen()
    {
        var payload = Reference("block_actions.json");
        payload["actions"]![0]!["action_id"] = BlockKitRenderer.FormActionId + "|2";
        payload["actions"]![0]!["value"] = "2";

        var open = Assert.IsType<ParsedSlackInteraction.OpenForm>(Parse(payload));

        Assert.Equal(2, open.Form);
        Assert.Equal("111.222", open.MessageTs);
        Assert.Equal("111.222.valid", open.TriggerId);
    }

    [Fact]
    public void Parse_ViewSubmissionOfAnotherAppsModal_Ignored()
    {
        Assert.IsType<ParsedSlackInteraction.Ignored>(Parse(Reference("view_submission.json")));
    }

    [Fact]
    public void Parse_ViewSubmissionOfAlignBotsModal_ValuesByInputIdPlusTheActionsData()
    {
        var payload = Reference("view_submission.json");
        var view = payload["view"]!.AsObject();
        view["private_metadata"] = new ModalMetadata("T111", "D111", ConversationKind.Personal, "171.001", "standup.submit", new Dictionary<string, string> { ["prompt"] = "p-1" }).Serialize();
        view["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "input", ["block_id"] = "paused",
            ["element"] = new JsonObject { ["type"] = "checkboxes", ["options"] = new JsonArray(new JsonObject { ["value"] = "true" }) },
        });
        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["q_today"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Proposal" } },
                ["q_mood"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = "Good" } } },
                ["days"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = "Mon" }, new JsonObject { ["value"] = "Tue" }) } },
                ["paused"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray() } },
                ["until"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-12-24" } },
                ["empty"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = null } },
            },
        };

        var parsed = Assert.IsType<ParsedSlackInteraction.Event>(Parse(payload));

        Assert.True(parsed.IsSubmission);
        Assert.Equal("V111", parsed.View?.Id);
        var submitted = Assert.IsType<CardActionSubmitted>(parsed.ChatEvent);
        Assert.Equal("standup.submit", submitted.Verb);
        Assert.Equal("171.001", submitted.ActivityId);
        Assert.Equal("D111", submitted.Conversation.ConversationId);
        Assert.Equal(ConversationKind.Personal, submitted.Conversation.Kind);
        Assert.Equal("view:111.222.valid", submitted.DeliveryId);
        Assert.Equal("Proposal", submitted.Inputs["q_today"]);
        Assert.Equal("Good", submitted.Inputs["q_mood"]);
        Assert.Equal("Mon,Tue", submitted.Inputs["days"]);
        Assert.Equal("false", submitted.Inputs["paused"]);
        Assert.Equal("2026-12-24", submitted.Inputs["until"]);
        Assert.Equal("", submitted.Inputs["empty"]);
        Assert.Equal("p-1", submitted.Inputs["prompt"]);
    }

    [Fact]
    public void Parse_MessageAction_IsTheShortcutOpenedOnTheMessage()
    {
        var parsed = Assert.IsType<ParsedSlackInteraction.Event>(Parse(Reference("message_action.json")));

        var opened = Assert.IsType<MessageActionOpened>(parsed.ChatEvent);
        Assert.Equal("test-shortcut", opened.CommandId);
        Assert.Equal("W222 test", opened.MessageText);
        Assert.Equal("1583636382.000300", opened.ActivityId);
        Assert.Equal("111.222.xxx", parsed.TriggerId);
    }

    [Fact]
    public void Parse_GlobalShortcut_IsTheShortcutWithoutAMessage()
    {
        var opened = Assert.IsType<MessageActionOpened>(Assert.IsType<ParsedSlackInteraction.Event>(Parse(Reference("shortcut.global.json"))).ChatEvent);

        Assert.Equal("test-shortcut", opened.CommandId);
        Assert.Equal("", opened.MessageText);
        Assert.Equal("shortcut:111.111.xxxxxx", opened.DeliveryId);
    }

    [Fact]
    public void ParseCommand_SlashCommand_IsTheTextAsAMessageInTheChannel()
    {
        var body = Encoding.UTF8.GetBytes(File.ReadAllText(TestPaths.Reference("slack-payloads", "slash_command.form-urlencoded.txt")).Trim());

        var parsed = Assert.IsType<ParsedSlackInteraction.Event>(SlackInteractionParser.ParseCommand(body));

        var message = Assert.IsType<MessageReceived>(parsed.ChatEvent);
        Assert.Equal("Hi", message.Text);
        Assert.Equal("command:111.111.xxx", message.DeliveryId);
        Assert.Equal(new ConversationRef(Platform.Slack, "T111", "C111", ConversationKind.Channel, null), message.Conversation);
        Assert.Equal(new UserRef(Platform.Slack, "W111"), message.From);
    }

    [Fact]
    public void ModalMetadata_OverWhatSlackKeeps_NoMetadataAtAll()
    {
        var small = new ModalMetadata("T1", "C1", ConversationKind.Channel, "1.2", "x.go", new Dictionary<string, string> { ["link"] = "https://example.com" });

        var large = small with { Data = new Dictionary<string, string> { ["link"] = new('a', 3000) } };

        var parsed = ModalMetadata.TryParse(small.Serialize());
        Assert.Equal(("T1", "C1", ConversationKind.Channel, "1.2", "x.go"), (parsed?.TeamId, parsed?.Channel, parsed?.Kind ?? default, parsed?.MessageTs, parsed?.Verb));
        Assert.Equal("https://example.com", parsed?.Data?["link"]);
        Assert.Null(large.Serialize());
        Assert.Null(ModalMetadata.TryParse("This is for you!"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("payload=%7B")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    public void Parse_Malformed_Invalid(string body)
    {
        Assert.IsType<ParsedSlackInteraction.Invalid>(SlackInteractionParser.Parse(Encoding.UTF8.GetBytes(body)));
    }

    private static ParsedSlackInteraction Parse(JsonObject payload) =>
        SlackInteractionParser.Parse(Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payload.ToJsonString())));

    private static JsonObject Reference(string file) =>
        JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", file)))!.AsObject();
}
