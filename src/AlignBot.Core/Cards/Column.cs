using System.Text.Json.Serialization;

namespace AlignBot.Core.Cards;

/// <summary>One column of a <see cref="ColumnSet"/>; <see cref="Width"/> is "auto", "stretch" or a weight.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Width { get; init; }
}
