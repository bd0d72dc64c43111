namespace AlignBot.Core.Cards;

/// <summary>Teams-only card settings (the <c>msteams</c> property).</summary>
public sealed record TeamsCardProperties(string Width = "Full");
