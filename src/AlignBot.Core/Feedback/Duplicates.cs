namespace AlignBot.Core.Feedback;

/// <summary>
/// Finds an open item that says the same as a new one: same kind and topic, and descriptions whose content words
/// overlap at least <see cref="Threshold"/> (Jaccard similarity of their word sets, common words left out).
/// </summary>
public static class Duplicates
{
    public const double Threshold = 0.5;

    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his", "i", "in", "is", "it",
        "its", "me", "my", "of", "on", "or", "our", "she", "so", "that", "the", "their", "them", "there", "they", "this", "to", "us",
        "was", "we", "were", "what", "when", "which", "who", "will", "with", "you", "your", "need", "needs", "asked", "customer",
    };

    /// <summary>The most similar open item of the same kind and topic, when it is similar enough.</summary>
    public static (FeedbackItem Item, double Similarity)? Find(FeedbackDraft draft, IEnumerable<FeedbackItem> open, double threshold = Threshold)
    {
        var words = ContentWords(draft.Description);
        return open
            .Where(i => !i.IsClosed && i.Kind == draft.Kind && string.Equals(i.Topic, draft.Topic, StringComparison.OrdinalIgnoreCase))
            .Select(i => (Item: i, Similarity: Similarity(words, ContentWords(i.Description))))
            .Where(c => c.Similarity >= threshold)
            .OrderByDescending(c => c.Similarity)
            .ThenByDescending(c => c.Item.Number)
            .Select(c => ((FeedbackItem, double)?)c)
            .FirstOrDefault();
    }

    public static double Similarity(string a, string b) => Similarity(ContentWords(a), ContentWords(b));

    private static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string> ContentWords(string text) =>
        FeedbackRouting.Words(text).Select(w => w.ToLowerInvariant()).Where(w => w.Length > 1 && !CommonWords.Contains(w)).Select(Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>A light plural/verb-ending fold, so "calculators" and "calculator" count as the same word.</summary>
    private static string Stem(string word) =>
        word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.Length > 4 && word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3]
        : word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1]
        : word;
}
