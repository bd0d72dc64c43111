using System.Text.Json;
using System.Text.Json.Serialization;
using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Slack.Interactions;

/// <summary>
/// What a modal's <c>private_metadata</c> carries for its submission: the workspace, the channel and message the form
/// came from (the message is updated in place once the form is done), the verb and data of the submit action, and the
/// message action's command id when the form is a message action's. Slack keeps at most 3,000 characters.
/// </summary>
internal sealed record ModalMetadata(
    [property: JsonPropertyName("t")] string TeamId,
    [property: JsonPropertyName("c")] string? Channel,
    [property: JsonPropertyName("k")] ConversationKind Kind,
    [property: JsonPropertyName("m")] string? MessageTs,
    [property: JsonPropertyName("v")] string? Verb,
    [property: JsonPropertyName("d")] IReadOnlyDictionary<string, string>? Data,
    [property: JsonPropertyName("a")] string? CommandId = null)
{
    public const int MaxLength = 3000;

    /// <summary>The metadata as Slack keeps it; null when it is over Slack's 3,000 characters (no modal can carry it).</summary>
    public string? Serialize()
    {
        var json = JsonSerializer.Serialize(this);
        return json.Length <= MaxLength ? json : null;
    }

    public static ModalMetadata? TryParse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModalMetadata>(json) is { TeamId.Length: > 0 } metadata ? metadata : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
