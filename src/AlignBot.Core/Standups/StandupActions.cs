namespace AlignBot.Core.Standups;

/// <summary>Card action verbs of the stand-up feature.</summary>
public static class StandupActions
{
    public const string Submit = "standup.submit";
    public const string Skip = "standup.skip";
    public const string Snooze = "standup.snooze";
    public const string Edit = "standup.edit";

    /// <summary>The question editor of "standup edit": move a row up or down, remove it, add one, save.</summary>
    public const string QuestionUp = "standup.questions.up";
    public const string QuestionDown = "standup.questions.down";
    public const string QuestionRemove = "standup.questions.remove";
    public const string QuestionAdd = "standup.questions.add";
    public const string QuestionsSave = "standup.questions.save";

    /// <summary>The data key that carries the stand-up's id on the question editor's buttons.</summary>
    public const string StandupKey = "standup";

    /// <summary>The data key that carries which row a Move up / Move down / Remove button belongs to.</summary>
    public const string RowKey = "row";

    /// <summary>The data key that carries the prompt's idempotency key on every stand-up button.</summary>
    public const string PromptKey = "prompt";
}
