using System.Text.Json.Serialization;

namespace AlignBot.Core.Cards;

/// <summary>An Adaptive Card 1.5: the one card model every AlignBot message is composed with.</summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("type")]
    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>1.5; null for the card inside an <see cref="ShowCardAction"/>, which takes its parent's version.</summary>
    [JsonPropertyOrder(-1)]
    public string? Version { get; init; } = "1.5";

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Shown by clients that cannot render the card.</summary>
    public string? FallbackText { get; init; }

    /// <summary>Text read aloud or used as the notification preview.</summary>
    public string? Speak { get; init; }

    [JsonPropertyName("msteams")]
    public TeamsCardProperties? Teams { get; init; }
}
