using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;

namespace AlignBot.Core.Tests.Cards;

public sealed class CardJsonTests
{
    /// <summary>A card is serialized once: a message carrying it is written with that JSON, and reads back as the same card.</summary>
    [Fact]
    public void CarryingCards_MessageWithCard_WritesTheCardsKeptJsonAndReadsItBack()
    {
        var card = new AdaptiveCard
        {
            Body = [TextBlock.Heading("Stand-up"), new InputText { Id = "note", Label = "Note", Value = "typed \"before\"" }],
            Actions = [new ExecuteAction("Go", "feature.go") { Data = new Dictionary<string, string> { ["id"] = "7" } }],
        };
        var message = OutboundMessage.Send(new ConversationRef(Platform.Teams, "t", "a:1", ConversationKind.Personal, "https://smba.example.test/"), MessageContent.FromCard(card, "Stand-up"));

        var kept = CardJson.Utf8(card);
        var json = JsonSerializer.Serialize(message, CardJson.CarryingCards);
        var read = JsonSerializer.Deserialize<OutboundMessage>(json, CardJson.CarryingCards)!;

        Assert.Same(kept, CardJson.Utf8(card)); // written once, kept with the card
        Assert.Equal(CardJson.Serialize(card), System.Text.Encoding.UTF8.GetString(kept));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(kept), JsonNode.Parse(json)!["content"]!["card"]));
        Assert.Equal(CardJson.Serialize(card), CardJson.Serialize(read.Content!.Card!));
        Assert.Equal("typed \"before\"", (string?)JsonNode.Parse(json)!["content"]!["card"]!["body"]![1]!["value"]);
    }

    /// <summary>A template's cards carry JSON byte for byte as the serializer writes them, whatever the text holds.</summary>
    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("say \"hi\" \\ <b>bold</b> & 'quotes'")]
    [InlineData("line one\nline two\ttab\r\u0001\u001f\u007f")]
    [InlineData("Grüße, 你好, мир, émoji 👋🏽, \u2028\u2029, \ufeff")]
    [InlineData("AlignBotTemplateText0f4e9c")]
    public void Template_Fill_KeepsTheJsonTheSerializerWrites(string text)
    {
        var template = new CardJson.Template(t => new AdaptiveCard
        {
            FallbackText = "Echo",
            Body = [TextBlock.Heading("Echo"), new TextBlock($"You said \"{t}\".")],
            Actions = [new ExecuteAction("Again", "echo.again")],
        });

        var card = template.Fill(text);

        Assert.Equal(CardJson.Serialize(card), System.Text.Encoding.UTF8.GetString(CardJson.Utf8(card)));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(card, CardJson.Options), CardJson.Utf8(card));
    }

    /// <summary>A text used twice in the card leaves the template nothing to splice: its cards are serialized as usual.</summary>
    [Fact]
    public void Template_TextUsedTwice_CardsSerializedAsUsual()
    {
        var template = new CardJson.Template(t => new AdaptiveCard { FallbackText = t, Body = [new TextBlock(t)] });

        var card = template.Fill("twice");

        Assert.Equal(CardJson.Serialize(card), System.Text.Encoding.UTF8.GetString(CardJson.Utf8(card)));
        Assert.Contains("\"fallbackText\":\"twice\"", CardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Card_WritesAdaptiveCardSchemaNames()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading("Hello"),
                new InputText { Id = "note", Label = "Note", IsRequired = true, ErrorMessage = "Needed", IsMultiline = true },
                new InputChoiceSet([new Choice("One", "1")]) { Id = "pick", Style = ChoiceSetStyle.Expanded },
            ],
            Actions = [new ExecuteAction("Go", "feature.go") { Data = new Dictionary<string, string> { ["id"] = "7" }, Style = ActionStyle.Positive }],
        };

        var json = JsonNode.Parse(CardJson.Serialize(card))!;

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal("TextBlock", (string?)json["body"]![0]!["type"]);
        Assert.Equal("bolder", (string?)json["body"]![0]!["weight"]);
        Assert.Equal("medium", (string?)json["body"]![0]!["size"]);
        Assert.Equal("Input.Text", (string?)json["body"]![1]!["type"]);
        Assert.True((bool?)json["body"]![1]!["isRequired"]);
        Assert.Equal("Input.ChoiceSet", (string?)json["body"]![2]!["type"]);
        Assert.Equal("expanded", (string?)json["body"]![2]!["style"]);
        Assert.Equal("Action.Execute", (string?)json["actions"]![0]!["type"]);
        Assert.Equal("feature.go", (string?)json["actions"]![0]!["verb"]);
        Assert.Equal("positive", (string?)json["actions"]![0]!["style"]);
        Assert.Equal("7", (string?)json["actions"]![0]!["data"]!["id"]);
        Assert.Null(json["body"]![1]!["placeholder"]);
    }

    [Fact]
    public void OutboundMessage_RoundTripsThroughJson_WithPolymorphicCard()
    {
        var to = new ConversationRef(Platform.Teams, "t", "c", ConversationKind.Channel, "https://s/", "team");
        var card = new AdaptiveCard { Body = [new FactSet([new Fact("A", "B")]), new ActionSet([new OpenUrlAction("Open", "https://example.com")])] };
        var message = OutboundMessage.Send(to, MessageContent.FromCard(card, "summary"), key: "k1");

        var json = JsonSerializer.Serialize(message, CardJson.Options);
        var back = JsonSerializer.Deserialize<OutboundMessage>(json, CardJson.Options)!;

        Assert.Equal(message.To, back.To);
        Assert.Equal("k1", back.Key);
        Assert.IsType<FactSet>(back.Content!.Card!.Body[0]);
        Assert.Equal(CardJson.Serialize(card), CardJson.Serialize(back.Content.Card));
    }
}
