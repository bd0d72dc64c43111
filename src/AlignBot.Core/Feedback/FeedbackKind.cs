namespace AlignBot.Core.Feedback;

/// <summary>What a seller is telling marketing.</summary>
public enum FeedbackKind
{
    /// <summary>Nothing exists for what the customer asked.</summary>
    ContentGap,

    /// <summary>Make or update a specific piece of content.</summary>
    ContentRequest,

    /// <summary>A rating of an existing asset: useful, outdated, wrong, missing for a persona.</summary>
    AssetFeedback,

    /// <summary>What a competitor said, did or charged.</summary>
    CompetitiveIntel,

    /// <summary>A verdict on a marketing-qualified lead: good, not ready, bad fit.</summary>
    LeadQuality,
}

/// <summary>How soon the seller needs an answer.</summary>
public enum FeedbackUrgency
{
    Low,
    Normal,
    High,
    Critical,
}

/// <summary>Where an item is in its life.</summary>
public enum FeedbackStatus
{
    Open,
    Acknowledged,
    WaitingOnSeller,
    Resolved,
    Declined,
}

/// <summary>The words people read for each kind, urgency and status.</summary>
public static class FeedbackNames
{
    public static string Of(FeedbackKind kind) => kind switch
    {
        FeedbackKind.ContentGap => "Content gap",
        FeedbackKind.ContentRequest => "Content request",
        FeedbackKind.AssetFeedback => "Asset feedback",
        FeedbackKind.CompetitiveIntel => "Competitive intel",
        FeedbackKind.LeadQuality => "Lead quality",
        _ => kind.ToString(),
    };

    public static string Of(FeedbackStatus status) => status switch
    {
        FeedbackStatus.Open => "Waiting for the owner",
        FeedbackStatus.Acknowledged => "Acknowledged",
        FeedbackStatus.WaitingOnSeller => "Waiting for the seller's answer",
        FeedbackStatus.Resolved => "Resolved",
        FeedbackStatus.Declined => "Declined",
        _ => status.ToString(),
    };

    public static string Of(FeedbackUrgency urgency) => urgency.ToString();

    public static readonly IReadOnlyList<string> AssetRatings = ["Useful", "Outdated", "Wrong", "Missing for this persona"];

    public static readonly IReadOnlyList<string> LeadVerdicts = ["Good", "Not ready", "Bad fit"];
}
