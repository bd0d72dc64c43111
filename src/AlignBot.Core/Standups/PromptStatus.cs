namespace AlignBot.Core.Standups;

public enum PromptStatus
{
    Prompted = 1,
    Answered = 2,
    Skipped = 3,
    OutOfOffice = 4,
}
