namespace AlignBot.Core.Cards;

/// <summary>Buttons placed inside the body.</summary>
public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
