namespace AlignBot.Core.Cards;

/// <summary>A group of elements, optionally styled.</summary>
public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
}
