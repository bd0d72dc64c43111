namespace AlignBot.Core.Feedback;

/// <summary>Working time to acknowledge and to resolve an item.</summary>
public sealed record SlaTarget(TimeSpan Acknowledge, TimeSpan Resolve);

/// <summary>
/// SLA targets per kind × urgency, counted in the owner's working hours. A target set for a kind and urgency wins
/// over one set for the urgency alone, which wins over the defaults.
/// </summary>
public sealed class SlaPolicy(IReadOnlyDictionary<(FeedbackKind? Kind, FeedbackUrgency Urgency), SlaTarget>? targets = null)
{
    public static readonly IReadOnlyDictionary<FeedbackUrgency, SlaTarget> Defaults = new Dictionary<FeedbackUrgency, SlaTarget>
    {
        [FeedbackUrgency.Critical] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
        [FeedbackUrgency.High] = new(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        [FeedbackUrgency.Normal] = new(TimeSpan.FromHours(8), TimeSpan.FromHours(40)),
        [FeedbackUrgency.Low] = new(TimeSpan.FromHours(16), TimeSpan.FromHours(80)),
    };

    /// <summary>Reminders go this share of the window before each deadline (a quarter: 2 h before an 8 h deadline).</summary>
    public const double ReminderShare = 0.25;

    public SlaTarget For(FeedbackKind kind, FeedbackUrgency urgency) =>
        targets?.GetValueOrDefault((kind, urgency))
        ?? targets?.GetValueOrDefault((null, urgency))
        ?? Defaults[urgency];
}
