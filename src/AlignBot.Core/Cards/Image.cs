namespace AlignBot.Core.Cards;

/// <summary>An image by URL.</summary>
public sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }

    public string? Size { get; init; }
}
