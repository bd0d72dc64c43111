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

    private sealed class WrittenOnce : JsonConverter<AdaptiveCard>
    {
        public override AdaptiveCard? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<AdaptiveCard>(ref reader, Options);

        public override void Write(Utf8JsonWriter writer, AdaptiveCard value, JsonSerializerOptions options) =>
            writer.WriteRawValue(Utf8(value), skipInputValidation: true);
    }
}
