using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;

namespace AlignBot.Core.Organization;

/// <summary>The set-up cards: a team from its channel's roster, and a new stand-up for it.</summary>
public static class TeamCards
{
    public const string NameInput = "team_name";
    public const string KindInput = "team_kind";
    public const string ZoneInput = "team_zone";
    public const string MembersInput = "team_members";
    public const string LeadsInput = "team_leads";

    public const string StandupNameInput = "standup_name";
    public const string StandupTimeInput = "standup_time";
    public const string StandupDaysInput = "standup_days";
    public const string StandupWindowInput = "standup_window";
    public const string StandupReminderInput = "standup_reminder";
    public const string StandupQuestionsInput = "standup_questions";
    public const string StandupParticipantsInput = "standup_participants";

    public static AdaptiveCard Setup(IReadOnlyList<UserRef> roster, IReadOnlyDictionary<string, string> values, IReadOnlyList<string>? errors = null) => new()
    {
        FallbackText = "Set up this team in AlignBot.",
        Body =
        [
            TextBlock.Heading("Set up this team"),
            TextBlock.Subtle("Its reports go to this conversation. Members get stand-ups at their own local time."),
            .. Errors(errors),
            new InputText { Id = NameInput, Label = "Team name", Value = values.GetValueOrDefault(NameInput), IsRequired = true, ErrorMessage = "Give the team a name.", MaxLength = 100 },
            new InputChoiceSet([new Choice("Sales", "Sales"), new Choice("Marketing", "Marketing"), new Choice("Other", "Other")])
            {
                Id = KindInput, Label = "The team is", Value = values.GetValueOrDefault(KindInput, "Sales"), Style = ChoiceSetStyle.Expanded,
            },
            new InputText { Id = ZoneInput, Label = "Default time zone (for members whose own zone is not known)", Value = values.GetValueOrDefault(ZoneInput), Placeholder = "Europe/Berlin", IsRequired = true, ErrorMessage = "A time zone such as Europe/Berlin." },
            new InputChoiceSet(People(roster)) { Id = MembersInput, Label = "Members", Value = values.GetValueOrDefault(MembersInput), IsMultiSelect = true, Style = ChoiceSetStyle.Expanded },
            new InputChoiceSet(People(roster)) { Id = LeadsInput, Label = "Leads", Value = values.GetValueOrDefault(LeadsInput), IsMultiSelect = true, Style = ChoiceSetStyle.Expanded, IsRequired = true, ErrorMessage = "Name at least one lead." },
        ],
        Actions = [new ExecuteAction("Save team", TeamActions.Save) { Style = ActionStyle.Positive }],
    };

    public static AdaptiveCard Saved(string teamName, int members, IReadOnlyList<string> leads) => new()
    {
        FallbackText = $"{teamName} is set up.",
        Body =
        [
            TextBlock.Heading($"{teamName} is set up"),
            new FactSet([new Fact("Members", members.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Fact("Leads", string.Join(", ", leads))]),
        ],
        Actions = [new ExecuteAction("Add a stand-up", TeamActions.NewStandup)],
    };

    public static AdaptiveCard NewStandup(string teamName, IReadOnlyDictionary<string, string> values, IReadOnlyList<string>? errors = null, IReadOnlyList<Participant>? members = null) => new()
    {
        FallbackText = $"A new stand-up for {teamName}.",
        Body =
        [
            TextBlock.Heading($"New stand-up for {teamName}"),
            .. Errors(errors),
            new InputText { Id = StandupNameInput, Label = "Name", Value = values.GetValueOrDefault(StandupNameInput, "Daily stand-up"), IsRequired = true, ErrorMessage = "Give it a name.", MaxLength = 100 },
            new InputTime { Id = StandupTimeInput, Label = "Prompt at (each member's local time)", Value = values.GetValueOrDefault(StandupTimeInput, "09:00"), IsRequired = true, ErrorMessage = "Pick a time." },
            new InputChoiceSet([.. Week.Select(d => new Choice(d.ToString(), d.ToString()))])
            {
                Id = StandupDaysInput, Label = "Days", IsMultiSelect = true, Style = ChoiceSetStyle.Expanded, IsRequired = true, ErrorMessage = "Pick at least one day.",
                Value = values.GetValueOrDefault(StandupDaysInput, "Monday,Tuesday,Wednesday,Thursday,Friday"),
            },
            new InputChoiceSet([new Choice("2 hours", "120"), new Choice("4 hours", "240"), new Choice("8 hours", "480")]) { Id = StandupWindowInput, Label = "Answers are on time for", Value = values.GetValueOrDefault(StandupWindowInput, "240") },
            new InputChoiceSet([new Choice("No reminder", "0"), new Choice("After 30 minutes", "30"), new Choice("After 1 hour", "60"), new Choice("After 2 hours", "120")]) { Id = StandupReminderInput, Label = "Reminder", Value = values.GetValueOrDefault(StandupReminderInput, "60") },
            new InputText
            {
                Id = StandupQuestionsInput, Label = "Questions, one per line (a line starting with ! asks about blockers; ? makes it optional; \"text | A, B, C\" is a choice)", IsMultiline = true,
                Value = values.GetValueOrDefault(StandupQuestionsInput, "What did you do since the last stand-up?\nWhat will you do today?\n!?Anything blocking you?"),
                IsRequired = true, ErrorMessage = "At least one question.", MaxLength = 8000,
            },
            .. (members is { Count: > 0 }
                ? new CardElement[]
                {
                    new InputChoiceSet([.. members.Select(m => new Choice(m.DisplayName, m.MemberId))])
                    {
                        Id = StandupParticipantsInput, Label = "Who takes part (none picked: the whole team, including people who join later)",
                        IsMultiSelect = true, Style = ChoiceSetStyle.Expanded, Value = values.GetValueOrDefault(StandupParticipantsInput),
                    },
                }
                : []),
        ],
        Actions = [new ExecuteAction("Create stand-up", TeamActions.SaveStandup) { Style = ActionStyle.Positive }],
    };

    public static AdaptiveCard StandupCreated(string teamName, Standups.StandupDefinition standup) => new()
    {
        FallbackText = $"{standup.Name} created.",
        Body =
        [
            TextBlock.Heading($"{standup.Name} created for {teamName}"),
            new FactSet(
            [
                new Fact("When", $"{string.Join(", ", Week.Where(standup.Days.Contains).Select(d => d.ToString()[..3]))} at {standup.PromptAt:HH\\:mm} local"),
                new Fact("Questions", string.Join(" · ", standup.Questions.Select(q => q.Text))),
                new Fact("Who", standup.Participants is { Count: > 0 } who ? $"{who.Count} of the team" : "the whole team"),
            ]),
            TextBlock.Subtle("Leads can run it now with \"standup now\"."),
        ],
    };

    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string ChoiceValue(UserRef user) => user.AadObjectId ?? user.UserId;

    private static List<Choice> People(IReadOnlyList<UserRef> roster) =>
        [.. roster.Select(u => new Choice(u.DisplayName ?? u.UserId, ChoiceValue(u)))];

    private static IEnumerable<CardElement> Errors(IReadOnlyList<string>? errors) =>
        errors is { Count: > 0 } ? [new Container([.. errors.Select(TextBlock.Error)]) { Style = ContainerStyle.Attention }] : [];
}
