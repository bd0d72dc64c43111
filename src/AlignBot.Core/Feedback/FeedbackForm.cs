using System.Globalization;
using AlignBot.Core.Conversations;

namespace AlignBot.Core.Feedback;

/// <summary>
/// The feedback card's inputs, read and checked. Invalid input never loses what was typed: <see cref="Values"/>
/// holds every field as the seller sent it, and <see cref="Errors"/> says, per field, what to fix.
/// </summary>
public sealed record FeedbackForm(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors, FeedbackDraft? Draft)
{
    public const int MaxDescription = 4000;
    public const int MaxShortText = 300;

    public const string Kind = "kind";
    public const string Topic = "topic";
    public const string Persona = "persona";
    public const string Stage = "stage";
    public const string Asset = "asset";
    public const string AssetRating = "assetRating";
    public const string LeadVerdict = "leadVerdict";
    public const string Customer = "customer";
    public const string Amount = "amount";
    public const string Urgency = "urgency";
    public const string Description = "description";
    public const string SourceLink = "sourceLink";

    public static readonly IReadOnlyList<string> Fields =
        [Kind, Topic, Persona, Stage, Asset, AssetRating, LeadVerdict, Customer, Amount, Urgency, Description, SourceLink];

    public bool IsValid => Draft is not null;

    public static FeedbackForm Read(CardInputs inputs, FeedbackCatalog catalog)
    {
        var values = Fields.Select(f => (f, inputs.Text(f))).Where(p => p.Item2 is not null).ToDictionary(p => p.f, p => p.Item2!);
        var errors = new Dictionary<string, string>();
        string? Value(string field) => values.GetValueOrDefault(field);

        FeedbackKind kind = default;
        if (Value(Kind) is not { } kindText)
        {
            errors[Kind] = "Pick what kind of feedback this is.";
        }
        else if (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            errors[Kind] = $"'{kindText}' is not a kind of feedback AlignBot knows.";
        }

        var topic = Value(Topic);
        if (topic is null)
        {
            errors[Topic] = "Pick the product or topic.";
        }
        else if (catalog.Topics.Count > 0 && !catalog.Topics.Contains(topic, StringComparer.OrdinalIgnoreCase))
        {
            errors[Topic] = $"'{topic}' is not one of the products or topics.";
        }

        CheckChoice(Persona, catalog.Personas, "persona");
        CheckChoice(Stage, catalog.Stages, "funnel stage");

        var urgency = FeedbackUrgency.Normal;
        if (Value(Urgency) is { } urgencyText && (!Enum.TryParse(urgencyText, ignoreCase: true, out urgency) || !Enum.IsDefined(urgency)))
        {
            errors[Urgency] = $"'{urgencyText}' is not an urgency: pick Low, Normal, High or Critical.";
        }

        var description = Value(Description);
        if (description is null)
        {
            errors[Description] = "Say what you heard or need: the description is required.";
        }
        else if (description.Length > MaxDescription)
        {
            errors[Description] = $"The description is {description.Length:N0} characters; the limit is {MaxDescription:N0}. Shorten it and send again.";
        }

        var asset = Value(Asset);
        if (asset is not null && asset.Length > MaxShortText)
        {
            errors[Asset] = $"The asset is over {MaxShortText} characters: give its link or name.";
        }
        else if (asset is not null && LooksLikeLink(asset) && !IsWebLink(asset))
        {
            errors[Asset] = "Only http and https links are accepted for the asset. Paste its web link, or give its name.";
        }

        if (kind == FeedbackKind.AssetFeedback && !errors.ContainsKey(Kind))
        {
            if (asset is null)
            {
                errors[Asset] = "Which asset? Give its link or name.";
            }

            if (Value(AssetRating) is not { } rating)
            {
                errors[AssetRating] = "Rate the asset: useful, outdated, wrong or missing for this persona.";
            }
            else if (!FeedbackNames.AssetRatings.Contains(rating, StringComparer.OrdinalIgnoreCase))
            {
                errors[AssetRating] = $"'{rating}' is not a rating: pick one of {string.Join(", ", FeedbackNames.AssetRatings)}.";
            }
        }

        if (kind == FeedbackKind.LeadQuality && !errors.ContainsKey(Kind))
        {
            if (Value(LeadVerdict) is not { } verdict)
            {
                errors[LeadVerdict] = "Was the lead good, not ready, or a bad fit?";
            }
            else if (!FeedbackNames.LeadVerdicts.Contains(verdict, StringComparer.OrdinalIgnoreCase))
            {
                errors[LeadVerdict] = $"'{verdict}' is not a verdict: pick one of {string.Join(", ", FeedbackNames.LeadVerdicts)}.";
            }
        }

        if (Value(Customer) is { Length: > MaxShortText })
        {
            errors[Customer] = $"The customer or deal reference is over {MaxShortText} characters.";
        }

        decimal? amount = null;
        if (Value(Amount) is { } amountText)
        {
            var cleaned = amountText.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimStart('$', '€', '£');
            if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
            {
                amount = parsed;
            }
            else
            {
                errors[Amount] = $"'{amountText}' is not an amount: give a number such as 25000.";
            }
        }

        var source = Value(SourceLink);
        if (source is not null && !IsWebLink(source))
        {
            errors[SourceLink] = "The link to the message must be an http or https link.";
        }

        var draft = errors.Count > 0 || topic is null || description is null
            ? null
            : new FeedbackDraft(
                kind,
                Canonical(topic, catalog.Topics) ?? topic,
                Canonical(Value(Persona), catalog.Personas),
                Canonical(Value(Stage), catalog.Stages),
                asset,
                kind == FeedbackKind.AssetFeedback ? Canonical(Value(AssetRating), FeedbackNames.AssetRatings) : null,
                kind == FeedbackKind.LeadQuality ? Canonical(Value(LeadVerdict), FeedbackNames.LeadVerdicts) : null,
                Value(Customer),
                amount,
                urgency,
                description,
                source);
        return new FeedbackForm(values, errors, draft);

        void CheckChoice(string field, IReadOnlyList<string> choices, string what)
        {
            if (Value(field) is { } chosen && choices.Count > 0 && !choices.Contains(chosen, StringComparer.OrdinalIgnoreCase))
            {
                errors[field] = $"'{chosen}' is not one of the {what}s: pick from the list.";
            }
        }
    }

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsWebLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>A link of any scheme (<c>ftp://</c>, <c>file:</c>, <c>javascript:</c>…), as opposed to an asset's name.</summary>
    private static bool LooksLikeLink(string text) =>
        text.Contains("://", StringComparison.Ordinal)
        || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && NonWebSchemes.Contains(uri.Scheme));

    private static readonly HashSet<string> NonWebSchemes = new(StringComparer.OrdinalIgnoreCase) { "file", "mailto", "javascript", "data", "vbscript", "tel", "smb" };

    private static string? Canonical(string? value, IReadOnlyList<string> choices) =>
        value is null ? null : choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? value;
}
