namespace AlignBot.Core.Cards;

/// <summary>An <c>Action.Submit</c>: the platform posts the inputs and <see cref="Data"/> as a message value.</summary>
public sealed record SubmitAction(string Title) : CardAction(Title)
{
    /// <summary>The key under which an <c>Action.Submit</c> carries its feature verb in <see cref="Data"/>.</summary>
    public const string VerbKey = "verb";

    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
