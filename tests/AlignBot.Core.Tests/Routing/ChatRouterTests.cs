using AlignBot.Core.Conversations;
using AlignBot.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Core.Tests.Routing;

public sealed class ChatRouterTests
{
    private static readonly ConversationRef Personal = new(Platform.Teams, "tenant-1", "a:1", ConversationKind.Personal, "https://service.example/");

    [Fact]
    public async Task RouteAsync_TextStartsWithCommand_CallsThatCommandWithArguments()
    {
        var router = new ChatRouter()
            .OnCommand<Recorder>("standup report", "standup report <name>", "report", (r, c, ct) => r.Record($"report:{c.Arguments}"))
            .OnCommand<Recorder>("standup", "standup", "standup", (r, c, ct) => r.Record($"standup:{c.Arguments}"));
        var services = Services(out var recorder);

        await router.RouteAsync(Message("  Standup   REPORT  Daily sync  "), services, TestContext.Current.CancellationToken);

        Assert.Equal(["report:Daily sync"], recorder.Calls);
    }

    [Fact]
    public async Task RouteAsync_UnknownText_CallsFallback()
    {
        var router = new ChatRouter()
            .OnCommand<Recorder>("help", "help", "help", (r, c, ct) => r.Record("help"))
            .OnUnknownText<Recorder>((r, m, ct) => r.Record("fallback:" + m.Text));
        var services = Services(out var recorder);

        await router.RouteAsync(Message("helpme"), services, TestContext.Current.CancellationToken);

        Assert.Equal(["fallback:helpme"], recorder.Calls);
    }

    [Fact]
    public async Task RouteAsync_CardActionWithRegisteredVerb_CallsItsHandler()
    {
        var router = new ChatRouter().OnCardAction<Recorder>("feature.do", (r, a, ct) => r.Record("did:" + a.Inputs.Text("note")));
        var services = Services(out var recorder);
        var action = new CardActionSubmitted("feature.do", new CardInputs(new Dictionary<string, string> { ["note"] = " hi " }), true)
        {
            DeliveryId = "d1",
            Conversation = Personal,
        };

        await router.RouteAsync(action, services, TestContext.Current.CancellationToken);

        Assert.Equal(["did:hi"], recorder.Calls);
    }

    [Fact]
    public async Task RouteAsync_CardActionWithUnknownVerb_AnswersWithMessage()
    {
        var router = new ChatRouter();
        var action = new CardActionSubmitted("gone.verb", CardInputs.Empty, true) { DeliveryId = "d1", Conversation = Personal };

        var ack = await router.RouteAsync(action, Services(out _), TestContext.Current.CancellationToken);

        Assert.Contains("no longer available", ack.Message);
        Assert.Empty(ack.Outbound);
    }

    [Fact]
    public void OnCommand_SameNameTwice_Throws()
    {
        var router = new ChatRouter().OnCommand<Recorder>("help", "help", "help", (r, c, ct) => r.Record("a"));

        var error = Assert.Throws<InvalidOperationException>(() => router.OnCommand<Recorder>("HELP", "help", "help", (r, c, ct) => r.Record("b")));

        Assert.Contains("'help'", error.Message);
    }

    [Fact]
    public void OnCardAction_SameVerbTwice_Throws()
    {
        var router = new ChatRouter().OnCardAction<Recorder>("x.y", (r, a, ct) => r.Record("a"));

        Assert.Throws<InvalidOperationException>(() => router.OnCardAction<Recorder>("x.y", (r, a, ct) => r.Record("b")));
    }

    [Fact]
    public async Task RouteAsync_MessageActionOpenedAndSubmitted_CallTheHandlersOfTheirCommand()
    {
        var router = new ChatRouter()
            .OnMessageAction<Recorder>("sendToAlignBot", (r, e, ct) => r.Record($"open:{e.MessageText}|{e.MessageLink}"), (r, e, ct) => r.Record("submit:" + e.Inputs.Text("description")));
        var services = Services(out var recorder);
        var opened = new MessageActionOpened("sendToAlignBot", "We lost on price", "https://teams.example/l/message/1") { DeliveryId = "d1", Conversation = Personal };
        var submitted = new MessageActionSubmitted("sendToAlignBot", new CardInputs(new Dictionary<string, string> { ["description"] = "lost " })) { DeliveryId = "d2", Conversation = Personal };

        await router.RouteAsync(opened, services, TestContext.Current.CancellationToken);
        await router.RouteAsync(submitted, services, TestContext.Current.CancellationToken);

        Assert.Equal(["open:We lost on price|https://teams.example/l/message/1", "submit:lost"], recorder.Calls);
    }

    [Fact]
    public async Task RouteAsync_MessageActionWithUnknownCommand_AnswersWithMessage()
    {
        var router = new ChatRouter();
        var opened = new MessageActionOpened("gone", "", null) { DeliveryId = "d1", Conversation = Personal };

        var ack = await router.RouteAsync(opened, Services(out _), TestContext.Current.CancellationToken);

        Assert.Contains("no longer available", ack.Message);
        Assert.Null(ack.UpdatedCard);
    }

    [Fact]
    public void OnMessageAction_SameCommandTwice_Throws()
    {
        var router = new ChatRouter().OnMessageAction<Recorder>("send", (r, e, ct) => r.Record("a"), (r, e, ct) => r.Record("b"));

        Assert.Throws<InvalidOperationException>(() => router.OnMessageAction<Recorder>("send", (r, e, ct) => r.Record("a"), (r, e, ct) => r.Record("b")));
    }

    [Fact]
    public void MatchCommand_PrefixOfLongerWord_DoesNotMatch()
    {
        var router = new ChatRouter().OnCommand<Recorder>("help", "help", "help", (r, c, ct) => r.Record("a"));

        Assert.Null(router.MatchCommand("helpful tips"));
        Assert.Equal(("help", ""), router.MatchCommand("HELP"));
    }

    [Theory]
    [InlineData("standup now please", "standup now", "please")]
    [InlineData("  Standup   NOW\tplease  ", "standup now", "please")]
    [InlineData("standup\nnow", "standup now", "")]
    [InlineData("standup", "standup", "")]
    [InlineData("standup  nowhere  to   go", "standup", "nowhere to go")]
    [InlineData("standupnow", null, null)]
    [InlineData("", null, null)]
    [InlineData("   ", null, null)]
    public void MatchCommand_AnySpacing_LongestWholeWordName(string text, string? command, string? arguments)
    {
        var router = new ChatRouter()
            .OnCommand<Recorder>("standup", "standup", "standup", (r, c, ct) => r.Record("a"))
            .OnCommand<Recorder>("Standup  Now", "standup now", "standup now", (r, c, ct) => r.Record("b"));

        var match = router.MatchCommand(text);

        Assert.Equal(command, match?.Command);
        Assert.Equal(arguments, match?.Arguments);
    }

    private static MessageReceived Message(string text) => new(text) { DeliveryId = Guid.NewGuid().ToString(), Conversation = Personal };

    private static ServiceProvider Services(out Recorder recorder)
    {
        recorder = new Recorder();
        return new ServiceCollection().AddSingleton(recorder).BuildServiceProvider();
    }

    private sealed class Recorder
    {
        public List<string> Calls { get; } = [];

        public Task<Ack> Record(string call)
        {
            Calls.Add(call);
            return Task.FromResult(Ack.Nothing);
        }
    }
}
