namespace AlignBot.Core.Standups;

public enum OccurrenceKind
{
    /// <summary>Due: send the prompt.</summary>
    Prompt = 1,

    /// <summary>The member is out of office that day: no prompt, shown as OOO in the report.</summary>
    OutOfOffice = 2,

    /// <summary>The member is snoozed at prompt time: prompted when the snooze ends (if still within the window).</summary>
    Snoozed = 3,
}
