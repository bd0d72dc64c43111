namespace AlignBot.Core.Standups;

/// <summary>
/// One question of a stand-up. <see cref="Choices"/> makes it a choice instead of free text; <see cref="IsBlockers"/>
/// marks the question whose non-empty answer is a blocker the team's leads hear about.
/// </summary>
public sealed record StandupQuestion(string Id, string Text, bool Required = true, bool IsBlockers = false, IReadOnlyList<string>? Choices = null)
{
    public static IReadOnlyList<StandupQuestion> Defaults { get; } =
    [
        new("yesterday", "What did you do since the last stand-up?"),
        new("today", "What will you do today?"),
        new("blockers", "Anything blocking you?", Required: false, IsBlockers: true),
    ];
}
