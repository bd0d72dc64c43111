namespace AlignBot.Core.Feedback;

/// <summary>The feedback feature as configured: the card's choices, the routing rules and the SLA targets.</summary>
public sealed record FeedbackSettings(FeedbackCatalog Catalog, FeedbackRouting Routing, SlaPolicy Sla, double DuplicateThreshold = Duplicates.Threshold)
{
    /// <summary>Where a breach goes when it is still open after the marketing leads were told.</summary>
    public EscalationPolicy Escalation { get; init; } = EscalationPolicy.LeadsOnly;
}

/// <summary>
/// The level after the marketing leads: people (member ids) told when a breach is still open
/// <paramref name="After"/> of the owner's working time after the leads were.
/// </summary>
public sealed record EscalationPolicy(IReadOnlyList<string> NextLevel, TimeSpan After)
{
    public static readonly EscalationPolicy LeadsOnly = new([], TimeSpan.FromHours(4));
}
