using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Feedback;
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
        IReadOnlyList<Participant> team = [.. roster.Select(u => new Participant(u.AadObjectId!, u.DisplayName!, TeamRole.Member, u, null,
            new AlignBot.Core.Availability.MemberAvailability("Europe/Paris", AlignBot.Core.Availability.WorkingPattern.Weekdays, new HashSet<DateOnly>())))];
        yield return ("standup.new-participants", TeamCards.NewStandup("Product Marketing", new Dictionary<string, string> { [TeamCards.StandupParticipantsInput] = "aad-2" }, members: team));
        yield return ("standup.new-errors", TeamCards.NewStandup("Product Marketing", new Dictionary<string, string> { [TeamCards.StandupNameInput] = "Weekly" }, ["Pick at least one day."]));
        yield return ("standup.created", TeamCards.StandupCreated("Product Marketing", standup));
        IReadOnlyList<QuestionRow> rows = [.. standup.Questions.Select(QuestionRow.From), new QuestionRow("qnew", "", IsChoice: true, Options: "Hot")];
        yield return ("standup.edit", StandupEditCards.Edit(standup, "Sales EMEA", [.. standup.Questions.Select(QuestionRow.From)]));
        yield return ("standup.edit-errors", StandupEditCards.Edit(standup with { Paused = true, RemindAfter = null }, "Sales EMEA", rows, ["Question 5 has no text.", "Question 5 is a choice: give at least 2 different options, separated by commas."]));
        yield return ("standup.edit-single-question", StandupEditCards.Edit(standup, "Sales EMEA", [rows[0]]));
        yield return ("standup.edit-saved", StandupEditCards.Saved(standup));
        yield return ("standup.blocker", StandupCards.Blocker(standup, "Ada Lovelace", occurrence.LocalDate, "Need the updated pricing sheet"));

        foreach (var card in FeedbackCardsInEveryState())
        {
            yield return card;
        }
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> FeedbackCardsInEveryState()
    {
        var catalog = new FeedbackCatalog(["Analytics", "Platform"], ["CFO", "IT Director"], FeedbackCatalog.DefaultStages);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var at = DateTimeOffset.Parse("2026-03-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var targets = new List<Choice> { new("Olga Owner", "aad-olga"), new("Omar Owner", "aad-omar"), new("Queue: intel", "queue:intel") };
        FeedbackItem Item(Action<FeedbackItem>? then = null)
        {
            var draft = new FeedbackDraft(FeedbackKind.AssetFeedback, "Analytics", "CFO", "Decision", "https://content.example/roi-deck", "Outdated", null, "Contoso", 25000m,
                FeedbackUrgency.High, "The ROI deck still shows last year's pricing; Contoso's CFO noticed.", "https://teams.example/l/message/1");
            var item = FeedbackItem.File(12, draft, new UserRef(Platform.Teams, "29:sam", "aad-sam", "Sam Seller"), "aad-sam",
                new ConversationRef(Platform.Teams, "tenant", "a:sam", ConversationKind.Personal, "https://smba.example/"), "America/Chicago", at);
            item.AssignTo("aad-olga", "Olga Owner", null, null, "Analytics content", new SlaTarget(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
                new AlignBot.Core.Availability.MemberAvailability("Europe/London", AlignBot.Core.Availability.WorkingPattern.Weekdays, new HashSet<DateOnly>()), at);
            then?.Invoke(item);
            return item;
        }

        var routing = new FeedbackRouting(
            [new RoutingRule("Analytics content", new HashSet<FeedbackKind>(), new HashSet<string> { "Analytics" }, new HashSet<string>(), new HashSet<string>(), new HashSet<FeedbackUrgency>(), ["roi", "calculator"], "aad-olga", null)],
            new Dictionary<string, RoutingQueue> { ["intel"] = new("intel", ["aad-olga", "aad-omar"], QueueStrategy.RoundRobin) },
            "aad-omar");
        yield return ("feedback.form", FeedbackCards.Form(catalog));
        yield return ("feedback.form-from-message", FeedbackCards.Form(catalog, sourceLink: "https://teams.example/l/message/1"));
        yield return ("feedback.form-errors", FeedbackCards.Form(catalog, new Dictionary<string, string> { [FeedbackForm.Description] = "ROI deck is outdated", [FeedbackForm.Asset] = "ftp://x" },
            new Dictionary<string, string> { [FeedbackForm.Kind] = "Pick what kind of feedback this is.", [FeedbackForm.Asset] = "Only http and https links are accepted for the asset." }));
        yield return ("feedback.form-free-topic", FeedbackCards.Form(new FeedbackCatalog([], [], [])));
        yield return ("feedback.form-dialog", FeedbackCards.Form(catalog, new Dictionary<string, string> { [FeedbackForm.Description] = "Contoso's CFO asked for an ROI calculator.\nCan we get one?" }, sourceLink: "https://teams.microsoft.com/l/message/19:abc@thread.skype/1592441283345", inDialog: true));
        yield return ("feedback.form-dialog-errors", FeedbackCards.Form(catalog, new Dictionary<string, string> { [FeedbackForm.Description] = "ROI deck is outdated", [FeedbackForm.SourceLink] = "https://teams.microsoft.com/l/message/19:abc@thread.skype/1592441283345" },
            new Dictionary<string, string> { [FeedbackForm.Kind] = "Pick what kind of feedback this is." }, inDialog: true));
        yield return ("feedback.receipt", FeedbackCards.Receipt(Item(), london, "Sent to Olga Owner as #12."));
        yield return ("feedback.receipt-question", FeedbackCards.Receipt(Item(i => i.Ask("Which version of the deck?", at)), london, "Olga Owner has a question for you."));
        yield return ("feedback.receipt-resolved", FeedbackCards.Receipt(Item(i => i.Resolve("https://content.example/roi-deck-v2", "Updated with this year's pricing", at)), london));
        yield return ("feedback.receipt-rated", FeedbackCards.Receipt(Item(i => { i.Resolve(null, "Updated", at); i.Rate(helpful: false, "Still missing the CFO view"); }), london));
        yield return ("feedback.form-duplicate", FeedbackCards.Form(catalog, new Dictionary<string, string> { [FeedbackForm.Description] = "Customer needs an ROI deck with this year's pricing" }, duplicateOf: Item(i => i.AddPlusOne(40000m))));
        var requester = new FeedbackRequester(12, "aad-sue", "Sue Seller", new ConversationRef(Platform.Teams, "tenant", "a:sue", ConversationKind.Personal, "https://smba.example/"), "card-1", "Europe/Paris", 40000m, at);
        yield return ("feedback.receipt-requester", FeedbackCards.Receipt(Item(i => i.AddPlusOne(40000m)), london, "Your +1 is on #12.", requester));
        yield return ("feedback.receipt-requester-resolved", FeedbackCards.Receipt(Item(i => { i.AddPlusOne(40000m); i.Resolve("https://content.example/v2", null, at); }), london, null, requester));
        yield return ("feedback.receipt-declined", FeedbackCards.Receipt(Item(i => i.Decline("We retired that deck; use the value calculator", at)), london));
        yield return ("feedback.owner", FeedbackCards.Owner(Item(), london, targets));
        yield return ("feedback.owner-acknowledged", FeedbackCards.Owner(Item(i => i.Acknowledge(at)), london, targets, "Acknowledged. The seller can see it."));
        yield return ("feedback.owner-error-typed", FeedbackCards.Owner(Item(), london, targets, "⚠ Only http and https links are accepted.", new Dictionary<string, string> { [FeedbackActions.Link] = "ftp://x", [FeedbackActions.Note] = "Here" }));
        yield return ("feedback.owner-waiting", FeedbackCards.Owner(Item(i => i.Ask("Which version?", at)), london, targets));
        yield return ("feedback.owner-resolved-rated", FeedbackCards.Owner(Item(i => { i.Resolve("https://content.example/v2", null, at); i.Rate(helpful: true, null); }), london, targets));
        yield return ("feedback.alert", FeedbackCards.Alert(Item(), london, "SLA missed: #12 was due to be acknowledged by Tue 3 Mar 14:00 (Olga Owner)"));
        yield return ("feedback.list", FeedbackCards.List("Your queue", "Nothing is waiting for you.", [Item(), Item(i => i.Acknowledge(at)), Item(i => i.Ask("Which?", at))], london, forOwner: true));
        yield return ("feedback.list-empty", FeedbackCards.List("Your requests", "You haven't sent any feedback yet.", [], london, forOwner: false));
        yield return ("feedback.detail", FeedbackCards.Detail(Item(), [new FeedbackEntry(12, at, "aad-sam", "Sam Seller", "filed", "Asset feedback · Analytics"), new FeedbackEntry(12, at, "alignbot", "AlignBot", "routed to Olga Owner", "rule Analytics content")], london));
        yield return ("feedback.rules", FeedbackCards.Rules(routing));
        yield return ("feedback.routing-test", FeedbackCards.RoutingTest("kind=ContentRequest topic=Analytics roi", routing.Match(Item().Draft, explain: true), "Olga Owner"));
    }
}
