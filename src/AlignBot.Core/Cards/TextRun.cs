using System.Text.Json.Serialization;

namespace AlignBot.Core.Cards;

/// <summary>One run of a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public TextWeight? Weight { get; init; }

    public bool? Italic { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }
}
