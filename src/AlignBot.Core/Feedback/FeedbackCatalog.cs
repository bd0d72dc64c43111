namespace AlignBot.Core.Feedback;

/// <summary>The choices the feedback card offers, from configuration: products or topics, personas, funnel stages.</summary>
public sealed record FeedbackCatalog(IReadOnlyList<string> Topics, IReadOnlyList<string> Personas, IReadOnlyList<string> Stages)
{
    public static readonly IReadOnlyList<string> DefaultStages = ["Awareness", "Consideration", "Decision", "Expansion"];
}
