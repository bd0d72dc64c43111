using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlignBot.Core.Cards;

/// <summary>The one way cards become JSON: camelCase, nulls left out, as the Adaptive Cards schema spells it.</summary>
public static class CardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a card as its <see cref="Utf8"/> JSON, for any options that carry cards; reads one as <see cref="Options"/> does.</summary>
    public static JsonConverter<AdaptiveCard> KeptJson { get; } = new WrittenOnce();

    /// <summary>
    /// For JSON that carries cards (an outbox row's message, an activity): each card is written as its
    /// <see cref="Utf8"/> JSON, so a card is serialized once however many times the message around it is.
    /// </summary>
    public static readonly JsonSerializerOptions CarryingCards = new(Options) { Converters = { KeptJson } };

    private static readonly ConditionalWeakTable<AdaptiveCard, byte[]> Written = [];

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    /// <summary>The card's JSON, written the first time it is asked for and kept with the card (cards never change).</summary>
    public static byte[] Utf8(AdaptiveCard card) =>
        Written.TryGetValue(card, out var json) ? json : Written.GetValue(card, c => JsonSerializer.SerializeToUtf8Bytes(c, Options));

    public static System.Text.Json.Nodes.JsonNode ToNode(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Options) ?? throw new InvalidOperationException("A card serialized to null.");

    /// <summary>
    /// A card built the same way every time but for one piece of text (the help card that quotes what it did not
    /// understand). Its JSON is written once, with a marker where the text goes; each card it makes is given JSON made
    /// of the two halves around the marker and the text between them, escaped as the serializer escapes it, so the card
    /// is not serialized again for every message. When the marker does not appear exactly once in the JSON (the text is
    /// also used elsewhere in the card), cards are serialized as usual.
    /// </summary>
    public sealed class Template
    {
        private const string Marker = "AlignBotTemplateText0f4e9c";

        private readonly Func<string, AdaptiveCard> _build;
        private readonly byte[]? _before;
        private readonly byte[]? _after;

        public Template(Func<string, AdaptiveCard> build)
        {
            _build = build;
            var json = JsonSerializer.SerializeToUtf8Bytes(build(Marker), Options);
            var marker = System.Text.Encoding.UTF8.GetBytes(Marker);
            var at = json.AsSpan().IndexOf(marker);
            if (at >= 0 && json.AsSpan(at + marker.Length).IndexOf(marker) < 0)
            {
                _before = json[..at];
                _after = json[(at + marker.Length)..];
            }
        }

        /// <summary>The card for this text, its JSON already kept (see <see cref="Utf8"/>).</summary>
        public AdaptiveCard Fill(string text)
        {
            var card = _build(text);
            if (_before is null || _after is null)
            {
                return card;
            }

            var escaped = JsonEncodedText.Encode(text, Options.Encoder).EncodedUtf8Bytes;
            var json = new byte[_before.Length + escaped.Length + _after.Length];
            _before.CopyTo(json, 0);
            escaped.CopyTo(json.AsSpan(_before.Length));
            _after.CopyTo(json, _before.Length + escaped.Length);
            Written.AddOrUpdate(card, json);
            return card;
        }
    }

    private sealed class WrittenOnce : JsonConverter<AdaptiveCard>
    {
        public override AdaptiveCard? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<AdaptiveCard>(ref reader, Options);

        public override void Write(Utf8JsonWriter writer, AdaptiveCard value, JsonSerializerOptions options) =>
            writer.WriteRawValue(Utf8(value), skipInputValidation: true);
    }
}
