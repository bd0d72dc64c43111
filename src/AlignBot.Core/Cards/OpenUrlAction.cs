namespace AlignBot.Core.Cards;

/// <summary>A link button.</summary>
public sealed record OpenUrlAction(string Title, string Url) : CardAction(Title);
