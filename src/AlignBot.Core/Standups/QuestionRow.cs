namespace AlignBot.Core.Standups;

/// <summary>
/// One question as a lead is editing it on a card: the typed values, not yet validated. <see cref="Options"/> is the
/// comma-separated list a choice offers; <see cref="Id"/> is the question's stable id (answers are stored under it).
/// </summary>
public sealed record QuestionRow(string Id, string Text, bool Required = true, bool IsChoice = false, string Options = "", bool IsBlockers = false)
{
    public static QuestionRow From(StandupQuestion question) =>
        new(question.Id, question.Text, question.Required, question.Choices is { Count: > 0 }, string.Join(", ", question.Choices ?? []), question.IsBlockers);
}
