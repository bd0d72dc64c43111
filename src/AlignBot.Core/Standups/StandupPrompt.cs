namespace AlignBot.Core.Standups;

/// <summary>One member's stand-up on one local day, from the prompt to the answer (or skip, or OOO).</summary>
public sealed class StandupPrompt
{
    private StandupPrompt(string key, Guid standupId, string memberId, DateOnly localDate, DateTimeOffset promptAtUtc, DateTimeOffset deadlineUtc, PromptStatus status)
    {
        Key = key;
        StandupId = standupId;
        MemberId = memberId;
        LocalDate = localDate;
        PromptAtUtc = promptAtUtc;
        DeadlineUtc = deadlineUtc;
        Status = status;
    }

    public string Key { get; }

    public Guid StandupId { get; }

    public string MemberId { get; }

    public DateOnly LocalDate { get; }

    public DateTimeOffset PromptAtUtc { get; }

    public DateTimeOffset DeadlineUtc { get; }

    public PromptStatus Status { get; private set; }

    public IReadOnlyDictionary<string, string> Answers { get; private set; } = new Dictionary<string, string>();

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool Late { get; private set; }

    public bool Edited { get; private set; }

    public DateTimeOffset? ReminderSentAt { get; private set; }

    public string? Blocker { get; private set; }

    /// <summary>When a snoozed prompt is asked again.</summary>
    public DateTimeOffset? SnoozedUntil { get; private set; }

    /// <summary>The outbox key of the message that carries this member's answer in the report thread.</summary>
    public string AnswerMessageKey => Key + ":answer";

    public string PromptMessageKey => Key + ":prompt";

    /// <summary>
    /// The questions as the member was asked them. A lead may edit the stand-up's questions later; the card already sent
    /// keeps these, so its answers are read and stored against them. Empty for a prompt stored before this was kept.
    /// </summary>
    public IReadOnlyList<StandupQuestion> Questions { get; private set; } = [];

    public static StandupPrompt Start(StandupOccurrence occurrence, IReadOnlyList<StandupQuestion> questions) =>
        new(occurrence.Key, occurrence.StandupId, occurrence.MemberId, occurrence.LocalDate, occurrence.PromptAtUtc, occurrence.DeadlineUtc,
            occurrence.Kind == OccurrenceKind.OutOfOffice ? PromptStatus.OutOfOffice : PromptStatus.Prompted)
        {
            Questions = questions,
        };

    /// <summary>Rebuilds a stored prompt.</summary>
    public static StandupPrompt Restore(
        string key, Guid standupId, string memberId, DateOnly localDate, DateTimeOffset promptAtUtc, DateTimeOffset deadlineUtc, PromptStatus status,
        IReadOnlyDictionary<string, string> answers, DateTimeOffset? answeredAt, bool late, bool edited, DateTimeOffset? reminderSentAt, string? blocker, DateTimeOffset? snoozedUntil,
        IReadOnlyList<StandupQuestion> questions) =>
        new(key, standupId, memberId, localDate, promptAtUtc, deadlineUtc, status)
        {
            Answers = answers,
            AnsweredAt = answeredAt,
            Late = late,
            Edited = edited,
            ReminderSentAt = reminderSentAt,
            Blocker = blocker,
            SnoozedUntil = snoozedUntil,
            Questions = questions,
        };

    /// <summary>Records the answers; a second answer is an edit. Answers after the deadline are kept and marked late.</summary>
    public void Answer(IReadOnlyDictionary<string, string> answers, string? blocker, DateTimeOffset nowUtc)
    {
        Edited = Status == PromptStatus.Answered;
        if (!Edited)
        {
            Late = nowUtc > DeadlineUtc;
            AnsweredAt = nowUtc;
        }

        Answers = answers.ToDictionary(a => a.Key, a => a.Value.Trim());
        Blocker = blocker;
        Status = PromptStatus.Answered;
    }

    public void Skip() => Status = Status == PromptStatus.Answered ? Status : PromptStatus.Skipped;

    public void Reminded(DateTimeOffset nowUtc)
    {
        ReminderSentAt = nowUtc;
        SnoozedUntil = null;
    }

    public void Snooze(DateTimeOffset until) => SnoozedUntil = until;

    public bool IsOpen => Status == PromptStatus.Prompted;
}
