using System.Text.Json.Serialization;

namespace AlignBot.Core.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<TextWeight>))]
public enum TextWeight
{
    [JsonStringEnumMemberName("lighter")] Lighter,
    [JsonStringEnumMemberName("default")] Default,
    [JsonStringEnumMemberName("bolder")] Bolder,
}
