using AlignBot.Core.Conversations;

namespace AlignBot.Core.Standups;

/// <summary>
/// The rules of a stand-up's questions, shared by the creation and the edit cards: reading the rows a lead typed,
/// moving, removing and adding them, and validating them into <see cref="StandupQuestion"/>s.
/// </summary>
public static class StandupQuestionEditor
{
    public const int MaxQuestions = 10;
    public const int MaxTextLength = 500;
    public const int MinChoices = 2;
    public const int MaxChoices = 20;
    public const int MaxChoiceLength = 100;
    public const int MaxOptionsLength = 500;

    public const string KindText = "text";
    public const string KindChoice = "choice";

    public static string IdKey(int row) => $"sq_{row}_id";

    public static string TextInput(int row) => $"sq_{row}_text";

    public static string RequiredInput(int row) => $"sq_{row}_required";

    public static string KindInput(int row) => $"sq_{row}_kind";

    public static string OptionsInput(int row) => $"sq_{row}_options";

    public static string BlockersInput(int row) => $"sq_{row}_blockers";

    /// <summary>The rows as the card sent them back, in the card's order (each row's hidden id input says which question it is).</summary>
    public static List<QuestionRow> Read(CardInputs inputs)
    {
        var rows = new List<QuestionRow>();
        for (var row = 0; row <= MaxQuestions; row++)
        {
            if (inputs.Text(IdKey(row)) is not { } id)
            {
                break;
            }

            rows.Add(new QuestionRow(
                id,
                inputs.TryGetValue(TextInput(row), out var text) ? text : "",
                !string.Equals(inputs.Text(RequiredInput(row)), "false", StringComparison.OrdinalIgnoreCase),
                string.Equals(inputs.Text(KindInput(row)), KindChoice, StringComparison.OrdinalIgnoreCase),
                inputs.TryGetValue(OptionsInput(row), out var options) ? options : "",
                string.Equals(inputs.Text(BlockersInput(row)), "true", StringComparison.OrdinalIgnoreCase)));
        }

        return rows;
    }

    /// <summary>The row moved by <paramref name="delta"/> places (−1 up, +1 down); at either end nothing moves.</summary>
    public static List<QuestionRow> Move(IReadOnlyList<QuestionRow> rows, int row, int delta)
    {
        var moved = rows.ToList();
        var to = row + delta;
        if (row < 0 || row >= moved.Count || to < 0 || to >= moved.Count)
        {
            return moved;
        }

        (moved[row], moved[to]) = (moved[to], moved[row]);
        return moved;
    }

    public static List<QuestionRow> Remove(IReadOnlyList<QuestionRow> rows, int row) =>
        [.. rows.Where((_, i) => i != row)];

    /// <summary>An empty free-text question at the end, with an id no other question has had.</summary>
    public static List<QuestionRow> Add(IReadOnlyList<QuestionRow> rows, IEnumerable<string> takenIds)
    {
        var taken = rows.Select(r => r.Id).Concat(takenIds).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string id;
        do
        {
            id = "q" + Guid.NewGuid().ToString("N")[..10];
        }
        while (taken.Contains(id));

        return [.. rows, new QuestionRow(id, "", Required: true)];
    }

    /// <summary>The options of a choice: comma-separated, trimmed, blanks and repeats (ignoring case) dropped.</summary>
    public static List<string> Options(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// The questions the rows make, or what is wrong with them: between 1 and <see cref="MaxQuestions"/>, each with text of
    /// at most <see cref="MaxTextLength"/> characters, a choice with at least <see cref="MinChoices"/> distinct options.
    /// </summary>
    public static (IReadOnlyList<StandupQuestion> Questions, IReadOnlyList<string> Errors) Validate(IReadOnlyList<QuestionRow> rows)
    {
        var (questions, errors, _) = ValidateByInput(rows);
        return (questions, errors);
    }

    /// <summary>
    /// <see cref="Validate"/>, with the input each mistake belongs to (a question's text or options; a mistake about the
    /// whole list, such as too many questions, belongs to none): a form shows each under its input.
    /// </summary>
    public static (IReadOnlyList<StandupQuestion> Questions, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, string> InputErrors) ValidateByInput(IReadOnlyList<QuestionRow> rows)
    {
        var errors = new List<string>();
        var inputErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string message, string? input = null)
        {
            errors.Add(message);
            if (input is not null)
            {
                inputErrors.TryAdd(input, message);
            }
        }

        var questions = new List<StandupQuestion>();
        if (rows.Count == 0)
        {
            Add("A stand-up needs at least one question.");
        }
        else if (rows.Count > MaxQuestions)
        {
            Add($"A stand-up has at most {MaxQuestions} questions; this one has {rows.Count}.");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var text = row.Text.Trim();
            var name = $"Question {i + 1}";
            if (!ids.Add(row.Id))
            {
                Add($"{name} appears twice; reopen the card with \"standup edit\".", TextInput(i));
                continue;
            }

            if (text.Length == 0)
            {
                Add($"{name} has no text.", TextInput(i));
            }
            else if (text.Length > MaxTextLength)
            {
                Add($"{name} is {text.Length} characters; the most is {MaxTextLength}.", TextInput(i));
            }

            List<string>? choices = null;
            if (row.IsChoice)
            {
                choices = Options(row.Options);
                if (choices.Count < MinChoices)
                {
                    Add($"{name} is a choice: give at least {MinChoices} different options, separated by commas.", OptionsInput(i));
                }
                else if (choices.Count > MaxChoices || row.Options.Length > MaxOptionsLength)
                {
                    Add($"{name} has too many options: at most {MaxChoices}, in {MaxOptionsLength} characters.", OptionsInput(i));
                }
                else if (choices.FirstOrDefault(c => c.Length > MaxChoiceLength) is { } tooLong)
                {
                    Add($"{name}: the option \"{tooLong[..20]}…\" is {tooLong.Length} characters; the most is {MaxChoiceLength}.", OptionsInput(i));
                }
            }

            questions.Add(new StandupQuestion(row.Id, text, row.Required, row.IsBlockers, choices));
        }

        return errors.Count > 0 ? ([], errors, inputErrors) : (questions, [], inputErrors);
    }
}
