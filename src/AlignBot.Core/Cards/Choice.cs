namespace AlignBot.Core.Cards;

public sealed record Choice(string Title, string Value);
