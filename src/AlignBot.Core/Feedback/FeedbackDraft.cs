namespace AlignBot.Core.Feedback;

/// <summary>A complete, valid submission of the feedback card, before it is routed.</summary>
public sealed record FeedbackDraft(
    FeedbackKind Kind,
    string Topic,
    string? Persona,
    string? Stage,
    string? Asset,
    string? AssetRating,
    string? LeadVerdict,
    string? Customer,
    decimal? Amount,
    FeedbackUrgency Urgency,
    string Description,
    string? SourceLink = null)
{
    /// <summary>The text rules match keywords against and duplicates are compared on.</summary>
    public string SearchText => string.Join(' ', new[] { Description, Asset, Customer }.OfType<string>());
}
