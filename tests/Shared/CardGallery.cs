using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Help;
using AlignBot.Core.People;
using AlignBot.Core.Routing;

namespace AlignBot.Tests.Shared;

/// <summary>
/// Every card the code can build, in each of its states, by name. The schema check (cardcheck) and, later, the
/// Block Kit limits test run over this list: a feature adding a card adds it here.
/// </summary>
internal static class CardGallery
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var router = new ChatRouter();
        HelpHandlers.Map(router);
        var person = new Person(new UserRef(Platform.Teams, "29:1", "aad-1", "Ada Lovelace"), "tenant", "en-GB", "Europe/London", "a:1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        yield return ("help.welcome", HelpCards.Welcome("Ada"));
        yield return ("help.welcome-anonymous", HelpCards.Welcome(null));
        yield return ("help.commands", HelpCards.Help(router.Commands));
        yield return ("help.commands-not-understood", HelpCards.Help(router.Commands, "make me a sandwich with \"quotes\" and <tags>"));
        yield return ("help.profile", HelpCards.Profile(person));
        yield return ("help.profile-unknown", HelpCards.Profile(null));
    }
}
