using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Help;
using AlignBot.Core.People;
using AlignBot.Core.Routing;

namespace AlignBot.Core.Tests.Help;

public sealed class HelpCardsTests
{
    [Fact]
    public void Help_ListsEveryRegisteredCommand()
    {
        var router = new ChatRouter();
        HelpHandlers.Map(router);

        var card = HelpCards.Help(router.Commands);

        var facts = Assert.Single(card.Body.OfType<FactSet>()).Facts;
        Assert.Equal(router.Commands.Select(c => c.Usage), facts.Select(f => f.Title));
        Assert.Contains(facts, f => f.Title == "help");
        Assert.Contains(facts, f => f.Title == "whoami");
    }

    [Fact]
    public void Help_WithUnknownText_SaysWhatWasNotUnderstood()
    {
        var card = HelpCards.Help([], notUnderstood: "make coffee");

        Assert.Contains(card.Body.OfType<TextBlock>(), t => t.Text.Contains("\"make coffee\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_WithUnknownText_QuotesItShortenedAndWritesTheSerializersJson()
    {
        var router = new ChatRouter();
        HelpHandlers.Map(router);
        var typed = "please \"summarise\" the Q3 deck for ACME — and <b>the</b> pricing sheet, the battle card and the ROI calculator too";

        var card = HelpCards.Help(router.Commands, typed);
        var again = HelpCards.Help(router.Commands, "hello");

        var sorry = Assert.IsType<TextBlock>(card.Body[0]);
        Assert.Equal($"Sorry, I didn't understand \"{typed[..79]}…\".", sorry.Text);
        Assert.Equal(CardJson.Serialize(card), System.Text.Encoding.UTF8.GetString(CardJson.Utf8(card)));
        Assert.Equal(CardJson.Serialize(again), System.Text.Encoding.UTF8.GetString(CardJson.Utf8(again)));
        Assert.Contains("didn't understand \\\"hello\\\"", CardJson.Serialize(again), StringComparison.Ordinal);
        Assert.Same(HelpCards.Help(router.Commands), HelpCards.Help(router.Commands)); // the plain list: one card per command list
    }

    [Fact]
    public void Profile_KnownPerson_ShowsNameTimeZoneAndLanguage()
    {
        var person = new Person(new UserRef(Platform.Teams, "29:1", null, "Ada Lovelace"), "t", "en-GB", "Europe/London", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var card = HelpCards.Profile(person);

        var facts = Assert.Single(card.Body.OfType<FactSet>()).Facts;
        Assert.Contains(new Fact("Name", "Ada Lovelace"), facts);
        Assert.Contains(new Fact("Time zone", "Europe/London"), facts);
        Assert.Contains(new Fact("Language", "en-GB"), facts);
    }

    [Fact]
    public void Welcome_WithName_GreetsByFirstNameAndOffersCommands()
    {
        var card = HelpCards.Welcome("Ada");

        Assert.Equal("Welcome to AlignBot, Ada", Assert.IsType<TextBlock>(card.Body[0]).Text);
        Assert.Contains(card.Actions!, a => a is ExecuteAction { Verb: HelpActions.ShowHelp });
    }
}
