namespace AlignBot.Core.Cards;

/// <summary>A checkbox; its value comes back as "true" or "false".</summary>
public sealed record InputToggle(string Title) : CardInput
{
    public string? Value { get; init; }
}
