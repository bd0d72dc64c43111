namespace AlignBot.Core.Standups;

/// <summary>Card action verbs of the stand-up feature.</summary>
public static class StandupActions
{
    public const string Submit = "standup.submit";
    public const string Skip = "standup.skip";
    public const string Snooze = "standup.snooze";
    public const string Edit = "standup.edit";

    /// <summary>The data key that carries the prompt's idempotency key on every stand-up button.</summary>
    public const string PromptKey = "prompt";
}
