using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>One request the fake connector received.</summary>
public sealed record ConnectorRequest(string Method, string Path, JsonNode? Body, string Authorization)
{
    /// <summary>The body's Content-Type and Content-Length headers as sent (no length: sent chunked).</summary>
    public (string? ContentType, long? ContentLength) Content { get; init; }

    /// <summary>The Adaptive Card of the activity, when it carries one.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"];

    /// <summary>A message posted in the conversation: sent to it, or as a reply to one of its messages.</summary>
    public bool IsMessageIn(string conversationId) =>
        Method == "POST" && (Path.EndsWith($"/v3/conversations/{conversationId}/activities", StringComparison.Ordinal)
            || Path.Contains($"/v3/conversations/{conversationId}/activities/", StringComparison.Ordinal));

    /// <summary>All the text of the activity and its card, for "the user sees X" assertions.</summary>
    public string VisibleText => Body?.ToJsonString(Readable) ?? "";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
