namespace AlignBot.Core.Feedback;

/// <summary>The feedback feature as configured: the card's choices, the routing rules and the SLA targets.</summary>
public sealed record FeedbackSettings(FeedbackCatalog Catalog, FeedbackRouting Routing, SlaPolicy Sla, double DuplicateThreshold = Duplicates.Threshold);
