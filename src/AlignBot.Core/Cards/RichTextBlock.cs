namespace AlignBot.Core.Cards;

/// <summary>Text made of runs with their own style.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;
