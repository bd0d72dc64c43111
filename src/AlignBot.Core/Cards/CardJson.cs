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

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static System.Text.Json.Nodes.JsonNode ToNode(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Options) ?? throw new InvalidOperationException("A card serialized to null.");
}
