using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlignBot.Core.Cards;

namespace AlignBot.Channels.Teams.Activities;

/// <summary>JSON settings for the Bot Framework wire format: camelCase, nulls omitted.</summary>
internal static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { CardJson.KeptJson }, // a card attached is written as its kept JSON
    };
}
