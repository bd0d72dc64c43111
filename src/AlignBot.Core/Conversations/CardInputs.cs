using System.Collections;

namespace AlignBot.Core.Conversations;

/// <summary>The values a card sent back with a button press, by input id. Values are strings, as cards send them.</summary>
public sealed class CardInputs(IReadOnlyDictionary<string, string> values) : IReadOnlyDictionary<string, string>
{
    public static readonly CardInputs Empty = new(new Dictionary<string, string>());

    public string this[string key] => values[key];

    public IEnumerable<string> Keys => values.Keys;

    public IEnumerable<string> Values => values.Values;

    public int Count => values.Count;

    /// <summary>The trimmed value of an input, or null when it is missing or blank.</summary>
    public string? Text(string id) =>
        values.TryGetValue(id, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) =>
        values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
