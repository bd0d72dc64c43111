namespace AlignBot.Core.Cards;

/// <summary>A date picker; the value is yyyy-MM-dd.</summary>
public sealed record InputDate : CardInput
{
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}
