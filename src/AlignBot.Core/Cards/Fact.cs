namespace AlignBot.Core.Cards;

public sealed record Fact(string Title, string Value);
