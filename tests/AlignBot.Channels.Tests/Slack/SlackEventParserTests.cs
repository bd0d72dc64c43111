using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Events;
using AlignBot.Core.Conversations;
using AlignBot.Tests.Shared;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>The real Events API payloads in shared/reference parsed into the ChatEvent they stand for, or ignored.</summary>
public sealed class SlackEventParserTests
{
    [Fact]
    public void Parse_UrlVerification_IsTheChallenge()
    {
        var parsed = Parse("url_verification.json");

        var verification = Assert.IsType<ParsedSlackEvent.UrlVerification>(parsed);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", verification.Challenge);
    }

    [Theory]
    [InlineData("""{"type":"event_callback","team_id":"T111","event_id":"Ev1","event":{"type":"app_uninstalled"}}""", "app_uninstalled")]
    [InlineData("""{"type":"event_callback","team_id":"T111","event_id":"Ev2","event":{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["U0BOT"]}}}""", "tokens_revoked")]
    public void Parse_UninstalledOrBotTokenRevoked_TokensRevokedForTheWorkspace(string body, string type)
    {
        var revoked = Assert.IsType<ParsedSlackEvent.TokensRevoked>(SlackEventParser.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(("T111", type), (revoked.TeamId, revoked.EventType));
    }

    [Fact]
    public void Parse_UserTokensRevokedOnly_Ignored()
    {
        var body = """{"type":"event_callback","team_id":"T111","event_id":"Ev3","event":{"type":"tokens_revoked","tokens":{"oauth":["U1"]}}}""";

        Assert.IsType<ParsedSlackEvent.Ignored>(SlackEventParser.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Parse_DirectMessage_IsMessageInPersonalConversationOfTheWorkspace()
    {
        var message = Message("event_callback.message.im.json");

        Assert.Equal("Hello", message.Text);
        Assert.Equal("eventId", message.DeliveryId);
        Assert.Equal("1568915625.001000", message.ActivityId);
        Assert.Equal(new ConversationRef(Platform.Slack, "teamId", "channelId", ConversationKind.Personal, null), message.Conversation);
        Assert.Equal(new UserRef(Platform.Slack, "userId"), message.From);
    }

    [Fact]
    public void Parse_AppMention_IsMessageInChannelWithTheBotMentionStripped()
    {
        var message = Message("event_callback.app_mention.json");

        Assert.Equal("Hi there!", message.Text);
        Assert.Equal("Ev111", message.DeliveryId);
        Assert.Equal("1595926230.009600", message.ActivityId);
        Assert.Equal(Platform.Slack, message.Conversation.Platform);
        Assert.Equal("T111", message.Conversation.TenantId);
        Assert.Equal("C111", message.Conversation.ConversationId);
        Assert.Equal(ConversationKind.Channel, message.Conversation.Kind);
        Assert.Equal("W222", message.From?.UserId);
    }

    [Fact]
    public void Parse_AppHomeOpenedOnTheHomeTab_IsHomeOpenedInThePersonsDirectMessage()
    {
        var parsed = Parse("event_callback.app_home_opened.json", json => json["event"]!["tab"] = "home");

        var opened = Assert.IsType<HomeOpened>(Assert.IsType<ParsedSlackEvent.Event>(parsed).ChatEvent);
        Assert.Equal("Ev111", opened.DeliveryId);
        Assert.Equal(new ConversationRef(Platform.Slack, "T111", "D111", ConversationKind.Personal, null), opened.Conversation);
        Assert.Equal(new UserRef(Platform.Slack, "W111"), opened.From);
    }

    [Fact]
    public void Parse_AppHomeOpenedWithoutChannel_IsInvalid()
    {
        var parsed = Parse("event_callback.app_home_opened.json", json =>
        {
            json["event"]!["tab"] = "home";
            json["event"]!.AsObject().Remove("channel");
        });

        Assert.IsType<ParsedSlackEvent.Invalid>(parsed);
    }

    [Fact]
    public void Parse_MemberJoinedChannelIsTheBot_IsBotInstalledInTheChannel()
    {
        var parsed = Parse("event_callback.app_mention.json", json =>
        {
            json.Remove("authed_users");
            json["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "UBOT", ["is_bot"] = true });
            json["event"] = new JsonObject { ["type"] = "member_joined_channel", ["user"] = "UBOT", ["channel"] = "C0SALES", ["channel_type"] = "C", ["team"] = "T111", ["inviter"] = "U0LEAD" };
        });

        var installed = Assert.IsType<BotInstalled>(Assert.IsType<ParsedSlackEvent.Event>(parsed).ChatEvent);
        Assert.Equal(new ConversationRef(Platform.Slack, "T111", "C0SALES", ConversationKind.Channel, null), installed.Conversation);
        Assert.Equal(new UserRef(Platform.Slack, "U0LEAD"), installed.From);
    }

    [Fact]
    public void Parse_MemberJoinedChannelIsAPerson_IsMembersAdded()
    {
        var parsed = Parse("event_callback.app_mention.json", json =>
        {
            json.Remove("authed_users");
            json["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "UBOT", ["is_bot"] = true });
            json["event"] = new JsonObject { ["type"] = "member_joined_channel", ["user"] = "U0NEW", ["channel"] = "C0SALES", ["channel_type"] = "C", ["team"] = "T111" };
        });

        var added = Assert.IsType<MembersAdded>(Assert.IsType<ParsedSlackEvent.Event>(parsed).ChatEvent);
        Assert.Equal([new UserRef(Platform.Slack, "U0NEW")], added.Members);
        Assert.Null(added.From);
    }

    [Fact]
    public void Parse_AppMentionOfBotFromAuthorizations_StripsOnlyTheBot()
    {
        var message = Message("event_callback.app_mention.json", json =>
        {
            json.Remove("authed_users");
            json["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "UBOT", ["is_bot"] = true });
            json["event"]!["text"] = "<@UBOT> help <@W333>";
        });

        Assert.Equal("help <@W333>", message.Text);
    }

    [Theory]
    [InlineData("event_callback.message.channel.json")]
    [InlineData("event_callback.app_home_opened.json")]
    [InlineData("block_actions.json")]
    public void Parse_EventsNotHandledYet_AreIgnored(string file)
    {
        var parsed = Parse(file);

        Assert.IsType<ParsedSlackEvent.Ignored>(parsed);
    }

    [Theory]
    [InlineData("bot_id", "B111")]
    [InlineData("subtype", "message_changed")]
    public void Parse_DirectMessageFromABotOrWithSubtype_IsIgnored(string property, string value)
    {
        var parsed = Parse("event_callback.message.im.json", json => json["event"]![property] = value);

        Assert.IsType<ParsedSlackEvent.Ignored>(parsed);
    }

    [Fact]
    public void Parse_NotJson_IsInvalid()
    {
        var parsed = SlackEventParser.Parse("token=abc"u8);

        Assert.IsType<ParsedSlackEvent.Invalid>(parsed);
    }

    private static MessageReceived Message(string file, Action<JsonObject>? change = null) =>
        Assert.IsType<MessageReceived>(Assert.IsType<ParsedSlackEvent.Event>(Parse(file, change)).ChatEvent);

    private static ParsedSlackEvent Parse(string file, Action<JsonObject>? change = null)
    {
        var text = File.ReadAllText(TestPaths.Reference("slack-payloads", file));
        if (change is not null)
        {
            var json = JsonNode.Parse(text)!.AsObject(); // the reference payloads are JSON objects
            change(json);
            text = json.ToJsonString();
        }

        return SlackEventParser.Parse(Encoding.UTF8.GetBytes(text));
    }
}
