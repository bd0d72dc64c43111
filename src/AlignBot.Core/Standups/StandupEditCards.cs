using System.Globalization;
using AlignBot.Core.Cards;

namespace AlignBot.Core.Standups;

/// <summary>The cards of "standup edit": the stand-up's settings and its questions as editable rows, and the confirmation.</summary>
public static class StandupEditCards
{
    public static AdaptiveCard Edit(StandupDefinition standup, string teamName, IReadOnlyList<QuestionRow> rows, IReadOnlyList<string>? errors = null)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading($"Edit {standup.Name}"),
            Settings(standup, teamName),
            TextBlock.Subtle("Prompts already sent keep the questions they were sent with; the next prompts use what you save here."),
        };
        if (errors is { Count: > 0 })
        {
            body.Add(new Container([.. errors.Select(TextBlock.Error)]) { Style = ContainerStyle.Attention });
        }

        for (var i = 0; i < rows.Count; i++)
        {
            body.Add(Row(standup, rows, i));
        }

        var actions = new List<CardAction>();
        if (rows.Count < StandupQuestionEditor.MaxQuestions)
        {
            actions.Add(new ExecuteAction("Add question", StandupActions.QuestionAdd) { Data = Data(standup) });
        }

        actions.Add(new ExecuteAction("Save", StandupActions.QuestionsSave) { Data = Data(standup), Style = ActionStyle.Positive });
        return new AdaptiveCard { FallbackText = $"Edit {standup.Name}.", Body = body, Actions = actions };
    }

    public static AdaptiveCard Saved(StandupDefinition standup) => new()
    {
        FallbackText = $"{standup.Name}: questions saved.",
        Body =
        [
            TextBlock.Heading($"{standup.Name}: questions saved"),
            new FactSet([.. standup.Questions.Select((q, i) => new Fact($"{i + 1}. {q.Text}", Describe(q)))]),
            TextBlock.Subtle("The next prompts ask these. Prompts already sent keep the questions they were sent with."),
        ],
    };

    /// <summary>"required · choice: High, Medium, Low · blockers", the way the saved card and the audit describe a question.</summary>
    public static string Describe(StandupQuestion question) =>
        string.Join(" · ", new[]
        {
            question.Required ? "required" : "optional",
            question.Choices is { Count: > 0 } choices ? "choice: " + string.Join(", ", choices) : "free text",
            question.IsBlockers ? "blockers" : null,
        }.OfType<string>());

    private static FactSet Settings(StandupDefinition standup, string teamName) =>
        new(
        [
            new Fact("Team", teamName),
            new Fact("When", $"{string.Join(", ", Organization.TeamCards.Week.Where(standup.Days.Contains).Select(d => d.ToString()[..3]))} at {standup.PromptAt:HH\\:mm} local"),
            new Fact("Answers on time for", Duration(standup.AnswerWindow)),
            new Fact("Reminder", standup.RemindAfter is { } remind ? "after " + Duration(remind) : "none"),
            new Fact("Status", standup.Paused ? "paused" : "running"),
        ]);

    private static Container Row(StandupDefinition standup, IReadOnlyList<QuestionRow> rows, int i)
    {
        var row = rows[i];
        var buttons = new List<CardAction>();
        if (i > 0)
        {
            buttons.Add(new ExecuteAction("Move up", StandupActions.QuestionUp) { Data = Data(standup, i) });
        }

        if (i < rows.Count - 1)
        {
            buttons.Add(new ExecuteAction("Move down", StandupActions.QuestionDown) { Data = Data(standup, i) });
        }

        if (rows.Count > 1)
        {
            buttons.Add(new ExecuteAction("Remove", StandupActions.QuestionRemove) { Data = Data(standup, i), Style = ActionStyle.Destructive });
        }

        var items = new List<CardElement>
        {
            // Which question the row is: sent back with every button, so answers stay stored under the same id.
            new InputText { Id = StandupQuestionEditor.IdKey(i), Value = row.Id, IsVisible = false },
            new InputText
            {
                Id = StandupQuestionEditor.TextInput(i), Label = $"Question {i + 1}", Value = row.Text,
                MaxLength = StandupQuestionEditor.MaxTextLength, Placeholder = "What should people answer?",
            },
            new ColumnSet(
            [
                new Column(
                [
                    new InputChoiceSet([new Choice("Free text", StandupQuestionEditor.KindText), new Choice("Choice", StandupQuestionEditor.KindChoice)])
                    {
                        Id = StandupQuestionEditor.KindInput(i), Label = "Answer as", Style = ChoiceSetStyle.Compact,
                        Value = row.IsChoice ? StandupQuestionEditor.KindChoice : StandupQuestionEditor.KindText,
                    },
                ]) { Width = "stretch" },
                new Column([new InputToggle("Required") { Id = StandupQuestionEditor.RequiredInput(i), Value = row.Required ? "true" : "false" }]) { Width = "auto" },
                new Column([new InputToggle("Asks about blockers") { Id = StandupQuestionEditor.BlockersInput(i), Value = row.IsBlockers ? "true" : "false" }]) { Width = "auto" },
            ]),
            new InputText
            {
                Id = StandupQuestionEditor.OptionsInput(i), Label = "Options of a choice, separated by commas", Value = row.Options,
                Placeholder = "High, Medium, Low", MaxLength = StandupQuestionEditor.MaxOptionsLength,
            },
        };
        if (buttons.Count > 0)
        {
            items.Add(new ActionSet(buttons));
        }

        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    /// <summary>What a button sends besides the inputs: the stand-up and, for a row's button, the row.</summary>
    private static Dictionary<string, string> Data(StandupDefinition standup, int? row = null)
    {
        var data = new Dictionary<string, string> { [StandupActions.StandupKey] = standup.Id.ToString("N") };
        if (row is { } index)
        {
            data[StandupActions.RowKey] = index.ToString(CultureInfo.InvariantCulture);
        }

        return data;
    }

    private static string Duration(TimeSpan span) =>
        span.TotalMinutes < 60 ? $"{span.TotalMinutes:0} minutes"
        : span.TotalMinutes % 60 == 0 ? $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? "" : "s")}"
        : $"{(int)span.TotalHours} h {span.Minutes} min";
}
