namespace AlignBot.Core.Cards;

/// <summary>Common properties of inputs. An input always has an id: its value comes back under that id.</summary>
public abstract record CardInput : CardElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
