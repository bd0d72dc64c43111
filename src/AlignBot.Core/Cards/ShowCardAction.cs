namespace AlignBot.Core.Cards;

/// <summary>A button that unfolds a nested card (a small form inside the message).</summary>
public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title);
