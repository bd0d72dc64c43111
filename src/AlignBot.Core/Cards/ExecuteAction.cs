namespace AlignBot.Core.Cards;

/// <summary>
/// A Universal Action (<c>Action.Execute</c>): the platform sends <see cref="Verb"/> with the card's inputs and
/// <see cref="Data"/>, and the response can replace the card in place.
/// </summary>
public sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    /// <summary>"none" to send without validating the card's inputs (a Cancel button).</summary>
    public string? AssociatedInputs { get; init; }
}
