using System.Text.Json;

namespace AlignBot.Channels.Slack.Socket;

/// <summary>
/// One message on the Socket Mode WebSocket: <c>hello</c> (the connection is ready), <c>disconnect</c> (Slack is about
/// to close it; <see cref="Reason"/> says why), or a delivery to acknowledge by <see cref="EnvelopeId"/>:
/// <c>events_api</c> (its <see cref="Payload"/> is exactly an Events API body), <c>interactive</c> or
/// <c>slash_commands</c> (answerable with a payload in the ack when <see cref="AcceptsResponsePayload"/>).
/// </summary>
internal sealed record SocketModeEnvelope(string Type, string? EnvelopeId, ReadOnlyMemory<byte> Payload, bool AcceptsResponsePayload, int RetryAttempt, string? Reason)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string EventsApi = "events_api";
    public const string Interactive = "interactive";
    public const string SlashCommands = "slash_commands";

    /// <summary>The envelope in <paramref name="message"/>, or null when it is not a JSON object with a type.</summary>
    public static SocketModeEnvelope? Parse(ReadOnlySpan<byte> message)
    {
        try
        {
            var reader = new Utf8JsonReader(message);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "type") is not { } type)
            {
                return null;
            }

            var payload = root.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object
                ? JsonSerializer.SerializeToUtf8Bytes(p)
                : [];
            return new SocketModeEnvelope(
                type,
                String(root, "envelope_id"),
                payload,
                root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
                root.TryGetProperty("retry_attempt", out var retry) && retry.TryGetInt32(out var attempt) ? attempt : 0,
                String(root, "reason"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
