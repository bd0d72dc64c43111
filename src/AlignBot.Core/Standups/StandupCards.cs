using System.Globalization;
using AlignBot.Core.Cards;

namespace AlignBot.Core.Standups;

/// <summary>The stand-up's cards: the prompt (with errors and typed values kept), the thank-you, the report post and each answer.</summary>
public static class StandupCards
{
    public static AdaptiveCard Prompt(
        StandupDefinition standup,
        StandupOccurrence occurrence,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? errors = null,
        string? openBlocker = null,
        bool isReminder = false)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading(isReminder ? $"Reminder: {standup.Name}" : standup.Name),
            TextBlock.Subtle($"{occurrence.LocalDate.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} · answers are on time until {Time(occurrence.DeadlineUtc, occurrence)}"),
        };
        if (openBlocker is not null)
        {
            body.Add(new Container([
                new TextBlock($"Yesterday you were blocked by: {openBlocker}") { Weight = TextWeight.Bolder },
                new TextBlock("Is it resolved? Say so in your answer below."),
            ]) { Style = ContainerStyle.Warning });
        }

        if (errors is { Count: > 0 })
        {
            body.Add(new Container([.. errors.Values.Select(TextBlock.Error)]) { Style = ContainerStyle.Attention });
        }

        foreach (var question in standup.Questions)
        {
            var id = StandupAnswers.InputId(question);
            var value = values is not null && values.TryGetValue(question.Id, out var typed) ? typed : null;
            var label = question.Required ? question.Text : question.Text + " (optional)";
            body.Add(question.Choices is { Count: > 0 } choices
                ? new InputChoiceSet([.. choices.Select(c => new Choice(c, c))]) { Id = id, Label = label, Value = value, IsRequired = question.Required, ErrorMessage = "Pick one." }
                : new InputText
                {
                    Id = id,
                    Label = label,
                    Value = value,
                    IsMultiline = true,
                    MaxLength = StandupAnswers.MaxLength,
                    IsRequired = question.Required,
                    ErrorMessage = question.Required ? "This one needs an answer." : null,
                    Placeholder = question.IsBlockers ? "None" : null,
                });
        }

        var data = new Dictionary<string, string> { [StandupActions.PromptKey] = occurrence.Key };
        return new AdaptiveCard
        {
            FallbackText = $"{standup.Name}: time for your stand-up.",
            Body = body,
            Actions =
            [
                new ExecuteAction("Submit", StandupActions.Submit) { Data = data, Style = ActionStyle.Positive },
                new ExecuteAction("Skip today", StandupActions.Skip) { Data = data, AssociatedInputs = "none" },
                new ExecuteAction("Snooze 30 min", StandupActions.Snooze) { Data = data, AssociatedInputs = "none" },
            ],
        };
    }

    public static AdaptiveCard Answered(StandupDefinition standup, StandupOccurrence occurrence, IReadOnlyDictionary<string, string> values, bool late, bool editable)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading($"Thanks — {standup.Name} answered"),
            TextBlock.Subtle(occurrence.LocalDate.ToString("dddd d MMMM", CultureInfo.InvariantCulture) + (late ? " · late" : "")),
            AnswerFacts(standup, values),
        };
        return new AdaptiveCard
        {
            FallbackText = $"{standup.Name}: answered.",
            Body = body,
            Actions = editable
                ? [new ExecuteAction("Edit answer", StandupActions.Edit) { Data = new Dictionary<string, string> { [StandupActions.PromptKey] = occurrence.Key } }]
                : null,
        };
    }

    public static AdaptiveCard Closed(StandupDefinition standup, StandupOccurrence occurrence, string why) => new()
    {
        FallbackText = $"{standup.Name}: {why}",
        Body = [TextBlock.Heading(standup.Name), TextBlock.Subtle(occurrence.LocalDate.ToString("dddd d MMMM", CultureInfo.InvariantCulture)), new TextBlock(why)],
    };

    /// <summary>The day's parent post in the report channel, its summary line kept up to date in place.</summary>
    public static AdaptiveCard Report(StandupDefinition standup, DateOnly date, StandupTally tally) => new()
    {
        FallbackText = $"{standup.Name} — {date:yyyy-MM-dd}",
        Body =
        [
            TextBlock.Heading($"{standup.Name} — {date.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}"),
            new TextBlock(tally.ToString()) { IsSubtle = true },
            TextBlock.Subtle("Answers arrive in this thread as people give them."),
        ],
    };

    public static AdaptiveCard Answer(StandupDefinition standup, string memberName, IReadOnlyDictionary<string, string> values, bool late, bool edited) => new()
    {
        FallbackText = $"{memberName} answered {standup.Name}.",
        Body =
        [
            new TextBlock(memberName + (late ? " (late)" : "") + (edited ? " (edited)" : "")) { Weight = TextWeight.Bolder },
            AnswerFacts(standup, values),
        ],
    };

    public static AdaptiveCard Blocker(StandupDefinition standup, string memberName, DateOnly date, string blocker) => new()
    {
        FallbackText = $"{memberName} is blocked.",
        Body =
        [
            TextBlock.Heading($"{memberName} is blocked"),
            TextBlock.Subtle($"{standup.Name} · {date.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}"),
            new TextBlock(blocker),
        ],
    };

    private static FactSet AnswerFacts(StandupDefinition standup, IReadOnlyDictionary<string, string> values) =>
        new([.. standup.Questions.Select(q => new Fact(q.Text, values.TryGetValue(q.Id, out var v) && v.Trim().Length > 0 ? v.Trim() : "—"))]);

    /// <summary>An instant as the member's own clock shows it.</summary>
    private static string Time(DateTimeOffset utc, StandupOccurrence occurrence)
    {
        var zone = Availability.LocalClock.TryZone(occurrence.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = Availability.LocalClock.LocalDateTime(utc, zone);
        var nextDay = DateOnly.FromDateTime(local) > occurrence.LocalDate ? " tomorrow" : "";
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + nextDay;
    }
}
