namespace AlignBot.Host.Organization;

public sealed class QuestionOptions
{
    public string Id { get; set; } = "";

    public string Text { get; set; } = "";

    public bool Required { get; set; } = true;

    /// <summary>Answers to this question are blockers: leads hear about them.</summary>
    public bool Blockers { get; set; }

    /// <summary>Offered choices; empty for free text.</summary>
    public List<string>? Choices { get; set; }
}
