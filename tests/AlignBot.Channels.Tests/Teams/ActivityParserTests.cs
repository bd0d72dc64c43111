using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Teams.Activities;
using AlignBot.Core.Conversations;
using AlignBot.Tests.Shared;

namespace AlignBot.Channels.Tests.Teams;

/// <summary>Every real Teams payload in shared/reference parsed into the ChatEvent it stands for.</summary>
public sealed class ActivityParserTests
{
    public static TheoryData<string> AllPayloads()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Reference("teams-payloads"), "*.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPayloads))]
    public void Parse_EveryReferencePayload_IsAnEventOrPolitelyIgnored(string file)
    {
        var parsed = Parse(file);

        Assert.IsNotType<ParsedActivity.Invalid>(parsed);
    }

    [Fact]
    public void Parse_PersonalMessage_IsMessageWithPersonalConversationAndSender()
    {
        var chatEvent = Event<MessageReceived>("message.personal.json");

        Assert.Equal("hi", chatEvent.Text);
        Assert.Equal("1531861881427", chatEvent.DeliveryId);
        Assert.Equal(ConversationKind.Personal, chatEvent.Conversation.Kind);
        Assert.Equal("a:uniqueId", chatEvent.Conversation.ConversationId);
        Assert.Equal("09e852a2-4575-45f7-9586-7cc3acfdc715", chatEvent.Conversation.TenantId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", chatEvent.Conversation.ServiceUrl);
        Assert.Equal(new UserRef(Platform.Teams, "29:uniqueId", "d2ffaeab-d802-4fec-8580-0987e9ad2628", "User name"), chatEvent.From);
    }

    [Fact]
    public void Parse_ChannelMessageWithMention_StripsTheBotMention()
    {
        var chatEvent = Event<MessageReceived>("message.channel.at-mention.json");

        Assert.Equal("Test Message", chatEvent.Text);
        Assert.Equal(ConversationKind.Channel, chatEvent.Conversation.Kind);
        Assert.Equal("19:ThreadID@thread.skype", chatEvent.Conversation.TeamId);
    }

    [Fact]
    public void Parse_ThreadReplyWithMentionAndTimeZone_StripsMentionAndReadsZone()
    {
        var chatEvent = Event<MessageReceived>("message.channel.thread-reply.at-mention.clientInfo-timezone.json");

        Assert.Equal("reply to thread", chatEvent.Text);
        Assert.Equal("America/Los_Angeles", chatEvent.TimeZone);
        Assert.Equal("en-US", chatEvent.Locale);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856", chatEvent.Conversation.ConversationId);
    }

    [Fact]
    public void Parse_MessageWithoutConversationTenant_TakesTenantFromChannelData()
    {
        var chatEvent = Event<MessageReceived>("message.no-mention.clientInfo.json");

        Assert.Equal("Test", chatEvent.Text);
        Assert.Equal("0fb0a2ff-2539-417a-8514-7f3b695024fd", chatEvent.Conversation.TenantId);
    }

    [Fact]
    public void Parse_ActionExecuteInvoke_IsCardActionExpectingCardResponse()
    {
        var chatEvent = Event<CardActionSubmitted>("invoke.adaptiveCard-action.Action.Execute.personal.json");

        Assert.True(chatEvent.ExpectsCardResponse);
        Assert.Equal("test invokes", chatEvent.Inputs.Text("feedback"));
        Assert.Equal("1767765488332", chatEvent.ActivityId);
        Assert.Equal("America/Los_Angeles", chatEvent.TimeZone);
        Assert.Equal("", chatEvent.Verb); // the captured card's button had no verb
    }

    [Fact]
    public void Parse_BotAddedToPersonalChat_IsInstall()
    {
        var chatEvent = Event<BotInstalled>("conversationUpdate.membersAdded.bot-added-personal.json");

        Assert.Equal(ConversationKind.Personal, chatEvent.Conversation.Kind);
        Assert.Equal("<TENANT ID>", chatEvent.Conversation.TenantId);
        Assert.Equal("29:<USERID>", chatEvent.From?.UserId);
    }

    [Fact]
    public void Parse_BotAddedToTeam_IsInstallInChannel()
    {
        var chatEvent = Event<BotInstalled>("conversationUpdate.membersAdded.bot-added-to-team.json");

        Assert.Equal(ConversationKind.Channel, chatEvent.Conversation.Kind);
        Assert.Equal("2021 Test Channel", chatEvent.Conversation.Name);
    }

    [Fact]
    public void Parse_UserAddedToTeam_IsMembersAdded()
    {
        var chatEvent = Event<MembersAdded>("conversationUpdate.teamMemberAdded.user.json");

        Assert.Equal("29:UniqueID", Assert.Single(chatEvent.Members).UserId);
        Assert.Equal(ConversationKind.Channel, chatEvent.Conversation.Kind);
    }

    [Fact]
    public void Parse_InstallationUpdateAdd_RefreshesReferencesWithoutWelcome()
    {
        var chatEvent = Event<ConversationUpdated>("installationUpdate.add.team.json");

        Assert.Equal("installationUpdate:add", chatEvent.What);
    }

    [Theory]
    [InlineData("messageReaction.reactionsAdded.channel.json")]
    public void Parse_ActivitiesAlignBotDoesNotHandle_AreIgnored(string file)
    {
        Assert.IsType<ParsedActivity.Ignored>(Parse(file));
    }

    [Fact]
    public void Parse_FetchTaskFromComposeBox_IsMessageActionOpenedWithoutMessage()
    {
        var chatEvent = Event<MessageActionOpened>("invoke.composeExtension.fetchTask.channel.json");

        Assert.Equal("hello", chatEvent.CommandId);
        Assert.Equal("", chatEvent.MessageText);
        Assert.Null(chatEvent.MessageLink);
        Assert.Equal("f:0123456878990178955", chatEvent.DeliveryId);
        Assert.Equal(ConversationKind.Channel, chatEvent.Conversation.Kind);
        Assert.Equal("https://smba.trafficmanager.net/amer/", chatEvent.Conversation.ServiceUrl); // spelled "serviceURL" in this payload
        Assert.Equal("1234abcd-1234-12ab-12ab-35b75f16f1e1", chatEvent.Conversation.TenantId);
        Assert.Equal("1234567d-1234-462a-8952-35b75f16f1e1", chatEvent.From?.AadObjectId);
    }

    [Fact]
    public void Parse_FetchTaskOnAMessage_GivesTheMessageAsPlainTextAndItsLink()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("teams-payloads", "invoke.composeExtension.fetchTask.channel.json")))!;
        json["value"]!["commandId"] = "sendToAlignBot";
        json["value"]!["commandContext"] = "message";
        json["value"]!["messagePayload"] = new JsonObject
        {
            ["id"] = "1592441283345",
            ["linkToMessage"] = "https://teams.microsoft.com/l/message/19:83ed1d507cb5427c93495cf914326310@thread.skype/1592441283345",
            ["body"] = new JsonObject
            {
                ["contentType"] = "html",
                ["content"] = "<p><at id=\"0\">Mia</at> Contoso&#39;s CFO asked for an <b>ROI calculator</b>&nbsp;&amp; a   TCO sheet.</p><p>Deal: 25k</p><div>Next step:<br>demo</div>",
            },
        };

        var parsed = Assert.IsType<ParsedActivity.Event>(ActivityParser.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())));

        var chatEvent = Assert.IsType<MessageActionOpened>(parsed.ChatEvent);
        Assert.Equal("sendToAlignBot", chatEvent.CommandId);
        Assert.Equal("Mia Contoso's CFO asked for an ROI calculator & a TCO sheet.\nDeal: 25k\nNext step:\ndemo", chatEvent.MessageText);
        Assert.Equal("https://teams.microsoft.com/l/message/19:83ed1d507cb5427c93495cf914326310@thread.skype/1592441283345", chatEvent.MessageLink);
        Assert.Equal("1592441283345", chatEvent.ActivityId);
    }

    [Fact]
    public void Parse_SubmitActionInGroupChat_IsMessageActionSubmittedWithTheCardsInputs()
    {
        var chatEvent = Event<MessageActionSubmitted>("invoke.composeExtension.submitAction.groupChat.clientInfo-timezone.json");

        Assert.Equal("razorView", chatEvent.CommandId);
        Assert.Equal("Welcome to RazorView!", chatEvent.Inputs.Text("Title"));
        Assert.Equal(" Today&#x27;s date is 8-3-2024, Friday", chatEvent.Inputs["DisplayData"]); // inputs are passed on as typed
        Assert.Equal(ConversationKind.GroupChat, chatEvent.Conversation.Kind);
        Assert.Equal("f:7dfe18de-94e3-9f38-5d44-adeb31cd8243", chatEvent.DeliveryId);
        Assert.Equal("Asia/Calcutta", chatEvent.TimeZone);
        Assert.Equal("en-GB", chatEvent.Locale);
        Assert.Equal(new UserRef(Platform.Teams, "29:1PBlnIsEROUYzpFjULDVodMHrnpujmfhBdQAf0pcO1EkaDkhI0_Pj_ql-jZUYOGdSc3_KcqaIIjzbleraVJ2Z3g", "ce9def33-d7fc-444c-8728-be1f95e6b6f2", "MOD Administrator"), chatEvent.From);
    }

    [Fact]
    public void Parse_SubmitActionFromAnActionSubmitButton_DropsTheVerb()
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("teams-payloads", "invoke.composeExtension.submitAction.groupChat.clientInfo-timezone.json")))!;
        json["value"]!["data"] = new JsonObject { ["verb"] = "feedback.submit", ["description"] = "x", ["sourceLink"] = "https://teams.example/l/message/1" };

        var parsed = Assert.IsType<ParsedActivity.Event>(ActivityParser.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())));

        var chatEvent = Assert.IsType<MessageActionSubmitted>(parsed.ChatEvent);
        Assert.False(chatEvent.Inputs.ContainsKey("verb"));
        Assert.Equal("https://teams.example/l/message/1", chatEvent.Inputs["sourceLink"]);
    }

    [Theory]
    [InlineData("composeExtension/fetchTask")]
    [InlineData("composeExtension/submitAction")]
    public void Parse_MessageActionWithoutCommandId_IsInvalid(string name)
    {
        var json = new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = name,
            ["conversation"] = new JsonObject { ["id"] = "c" },
            ["serviceUrl"] = "https://s/",
            ["value"] = new JsonObject { ["data"] = new JsonObject() },
        }.ToJsonString();

        var parsed = ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Contains("value.commandId", Assert.IsType<ParsedActivity.Invalid>(parsed).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherMessageExtensionInvoke_IsIgnored()
    {
        var json = """{"type":"invoke","name":"composeExtension/query","conversation":{"id":"c"},"serviceUrl":"https://s/","value":{"commandId":"x"}}""";

        Assert.IsType<ParsedActivity.Ignored>(ActivityParser.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Parse_InstallationUpdateRemove_IsUninstall()
    {
        var json = File.ReadAllText(TestPaths.Reference("teams-payloads", "installationUpdate.add.team.json")).Replace("\"action\": \"add\"", "\"action\": \"remove\"", StringComparison.Ordinal);

        var parsed = Assert.IsType<ParsedActivity.Event>(ActivityParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.IsType<BotUninstalled>(parsed.ChatEvent);
    }

    [Fact]
    public void Parse_ActionSubmitMessage_IsCardActionWithVerbFromValue()
    {
        const string json = """
            {"type":"message","id":"m1","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams",
             "from":{"id":"29:u"},"recipient":{"id":"28:b"},"conversation":{"id":"a:1","conversationType":"personal"},
             "replyToId":"card-7","value":{"verb":"help.profile","note":"x","flag":true}}
            """;

        var parsed = Assert.IsType<ParsedActivity.Event>(ActivityParser.Parse(Encoding.UTF8.GetBytes(json)));

        var action = Assert.IsType<CardActionSubmitted>(parsed.ChatEvent);
        Assert.Equal("help.profile", action.Verb);
        Assert.False(action.ExpectsCardResponse);
        Assert.Equal("card-7", action.ActivityId);
        Assert.Equal("true", action.Inputs["flag"]);
        Assert.False(action.Inputs.ContainsKey("verb"));
    }

    [Theory]
    [InlineData("{", "not a valid Activity")]
    [InlineData("null", "empty or null")]
    [InlineData("""{"id":"1"}""", "no 'type'")]
    [InlineData("""{"type":"message","serviceUrl":"https://s/"}""", "conversation.id")]
    [InlineData("""{"type":"message","conversation":{"id":"c"}}""", "serviceUrl")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"ftp://s/"}""", "serviceUrl")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","conversation":{"id":"c"},"serviceUrl":"https://s/","value":{}}""", "value.action")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"https://s/","value":{"note":"no verb"}}""", "'verb'")]
    public void Parse_MalformedActivity_IsInvalidWithReason(string json, string reason)
    {
        var parsed = ActivityParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Contains(reason, Assert.IsType<ParsedActivity.Invalid>(parsed).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("Pacific Standard Time", "America/Los_Angeles")]
    [InlineData("Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    [InlineData("Not/AZone", null)]
    [InlineData("", null)]
    public void ToIana_WindowsOrIanaNames_GivesIanaOrNull(string zone, string? expected)
    {
        Assert.Equal(expected, ActivityParser.ToIana(zone));
    }

    private static ParsedActivity Parse(string file) =>
        ActivityParser.Parse(File.ReadAllBytes(TestPaths.Reference("teams-payloads", file)));

    private static T Event<T>(string file)
        where T : ChatEvent =>
        Assert.IsType<T>(Assert.IsType<ParsedActivity.Event>(Parse(file)).ChatEvent);
}
