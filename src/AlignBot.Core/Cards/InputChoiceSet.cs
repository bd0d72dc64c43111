namespace AlignBot.Core.Cards;

/// <summary>A drop-down (compact) or radio list (expanded) of choices.</summary>
public sealed record InputChoiceSet(IReadOnlyList<Choice> Choices) : CardInput
{
    public string? Value { get; init; }

    public bool? IsMultiSelect { get; init; }

    public ChoiceSetStyle? Style { get; init; }

    public string? Placeholder { get; init; }
}
