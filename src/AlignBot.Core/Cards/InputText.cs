namespace AlignBot.Core.Cards;

/// <summary>A text box. <see cref="Value"/> pre-fills it (a card answered with errors keeps what was typed).</summary>
public sealed record InputText : CardInput
{
    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Regex { get; init; }
}
