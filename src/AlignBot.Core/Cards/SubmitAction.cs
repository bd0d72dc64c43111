namespace AlignBot.Core.Cards;

/// <summary>An <c>Action.Submit</c>: the platform posts the inputs and <see cref="Data"/> as a message value.</summary>
public sealed record SubmitAction(string Title) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
