using AlignBot.Core.Cards;

namespace AlignBot.Core.Conversations;

/// <summary>What a message shows: a text, a card, or both (the text is then the notification preview).</summary>
public sealed record MessageContent(string? Text, AdaptiveCard? Card)
{
    public static MessageContent FromText(string text) => new(text, null);

    public static MessageContent FromCard(AdaptiveCard card, string? summary = null) => new(summary, card);
}
