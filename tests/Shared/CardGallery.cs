using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Help;
using AlignBot.Core.Organization;
using AlignBot.Core.People;
using AlignBot.Core.Routing;
using AlignBot.Core.Standups;

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

        var standup = new StandupDefinition(
            Guid.Parse("6b1f5c55-0000-0000-0000-000000000001"), "team-1", "Sales EMEA daily",
            [.. StandupQuestion.Defaults, new StandupQuestion("confidence", "How confident are you in this quarter's number?", Required: false, Choices: ["High", "Medium", "Low"])],
            StandupDefinition.Weekdays, new TimeOnly(9, 0), TimeSpan.FromHours(4), TimeSpan.FromHours(1), null);
        var occurrence = new StandupOccurrence(standup.Id, "29:1", new DateOnly(2026, 3, 2), DateTimeOffset.Parse("2026-03-02T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-03-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), OccurrenceKind.Prompt, "Europe/Berlin");
        var answers = new Dictionary<string, string> { ["yesterday"] = "Demoed to Contoso", ["today"] = "Proposal for Fabrikam", ["blockers"] = "Need the updated pricing sheet", ["confidence"] = "Medium" };
        yield return ("standup.prompt", StandupCards.Prompt(standup, occurrence));
        yield return ("standup.prompt-with-errors", StandupCards.Prompt(standup, occurrence, new Dictionary<string, string> { ["yesterday"] = "Demoed to Contoso", ["today"] = "" }, new Dictionary<string, string> { ["today"] = "\"What will you do today?\" needs an answer." }));
        yield return ("standup.prompt-open-blocker-reminder", StandupCards.Prompt(standup, occurrence, openBlocker: "Need the updated pricing sheet", isReminder: true));
        yield return ("standup.answered", StandupCards.Answered(standup, occurrence, answers, late: true, editable: true));
        yield return ("standup.closed", StandupCards.Closed(standup, occurrence, "Skipped today. See you tomorrow."));
        yield return ("standup.report", StandupCards.Report(standup, occurrence.LocalDate, new StandupTally(5, 1, 1, 3, 1)));
        yield return ("standup.answer", StandupCards.Answer(standup, "Ada Lovelace", answers, late: true, edited: true));
        IReadOnlyList<UserRef> roster = [new(Platform.Teams, "29:1", "aad-1", "Mara Marketing"), new(Platform.Teams, "29:2", "aad-2", "Ben Brand")];
        yield return ("team.setup", TeamCards.Setup(roster, new Dictionary<string, string> { [TeamCards.NameInput] = "Product Marketing", [TeamCards.MembersInput] = "aad-1,aad-2", [TeamCards.LeadsInput] = "aad-1" }));
        yield return ("team.setup-errors", TeamCards.Setup(roster, new Dictionary<string, string> { [TeamCards.NameInput] = "Product Marketing" }, ["Name at least one lead."]));
        yield return ("team.saved", TeamCards.Saved("Product Marketing", 2, ["Mara Marketing"]));
        yield return ("standup.new", TeamCards.NewStandup("Product Marketing", new Dictionary<string, string>()));
        yield return ("standup.new-errors", TeamCards.NewStandup("Product Marketing", new Dictionary<string, string> { [TeamCards.StandupNameInput] = "Weekly" }, ["Pick at least one day."]));
        yield return ("standup.created", TeamCards.StandupCreated("Product Marketing", standup));
        IReadOnlyList<QuestionRow> rows = [.. standup.Questions.Select(QuestionRow.From), new QuestionRow("qnew", "", IsChoice: true, Options: "Hot")];
        yield return ("standup.edit", StandupEditCards.Edit(standup, "Sales EMEA", [.. standup.Questions.Select(QuestionRow.From)]));
        yield return ("standup.edit-errors", StandupEditCards.Edit(standup with { Paused = true, RemindAfter = null }, "Sales EMEA", rows, ["Question 5 has no text.", "Question 5 is a choice: give at least 2 different options, separated by commas."]));
        yield return ("standup.edit-single-question", StandupEditCards.Edit(standup, "Sales EMEA", [rows[0]]));
        yield return ("standup.edit-saved", StandupEditCards.Saved(standup));
        yield return ("standup.blocker", StandupCards.Blocker(standup, "Ada Lovelace", occurrence.LocalDate, "Need the updated pricing sheet"));
    }
}
