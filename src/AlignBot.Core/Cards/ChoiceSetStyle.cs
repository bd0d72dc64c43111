using System.Text.Json.Serialization;

namespace AlignBot.Core.Cards;

[JsonConverter(typeof(JsonStringEnumConverter<ChoiceSetStyle>))]
public enum ChoiceSetStyle
{
    [JsonStringEnumMemberName("compact")] Compact,
    [JsonStringEnumMemberName("expanded")] Expanded,
}
