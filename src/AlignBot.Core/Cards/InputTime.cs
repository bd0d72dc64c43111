namespace AlignBot.Core.Cards;

/// <summary>A time picker; the value is HH:mm.</summary>
public sealed record InputTime : CardInput
{
    public string? Value { get; init; }
}
