using AlignBot.Core.Conversations;

namespace AlignBot.Core.Standups;

/// <summary>
/// A member's answers, validated against the stand-up's questions: required answers present, none over
/// <see cref="MaxLength"/> characters, choices among the offered ones. Errors name the question; values are kept as typed.
/// </summary>
public sealed record StandupAnswers(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors)
{
    public const int MaxLength = 4000;

    public bool IsValid => Errors.Count == 0;

    public static string InputId(StandupQuestion question) => "q_" + question.Id;

    public static StandupAnswers From(IReadOnlyList<StandupQuestion> questions, CardInputs inputs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var raw = inputs.TryGetValue(InputId(question), out var typed) ? typed : "";
            values[question.Id] = raw;
            var text = raw.Trim();
            if (question.Required && text.Length == 0)
            {
                errors[question.Id] = $"\"{question.Text}\" needs an answer.";
            }
            else if (text.Length > MaxLength)
            {
                errors[question.Id] = $"\"{question.Text}\" is {text.Length:N0} characters; the most is {MaxLength:N0}.";
            }
            else if (question.Choices is { Count: > 0 } choices && text.Length > 0 && !choices.Contains(text, StringComparer.Ordinal))
            {
                errors[question.Id] = $"\"{text}\" is not one of the choices for \"{question.Text}\".";
            }
        }

        return new StandupAnswers(values, errors);
    }

    /// <summary>The blocker, if the blockers question has a real answer (not empty, "none", "no", "n/a", "-").</summary>
    public string? Blocker(IReadOnlyList<StandupQuestion> questions)
    {
        foreach (var question in questions.Where(q => q.IsBlockers))
        {
            var text = Values.TryGetValue(question.Id, out var value) ? value.Trim() : "";
            if (text.Length > 0 && !NoBlocker.Contains(text.TrimEnd('.', '!'), StringComparer.OrdinalIgnoreCase))
            {
                return text;
            }
        }

        return null;
    }

    private static readonly string[] NoBlocker = ["none", "no", "nope", "nothing", "n/a", "na", "-", "no blockers", "all good"];
}
