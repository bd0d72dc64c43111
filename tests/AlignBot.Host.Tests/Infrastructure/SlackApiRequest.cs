using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>One call the fake Slack Web API received: the method (chat.postMessage), the JSON body and the Authorization header.</summary>
public sealed record SlackApiRequest(string Method, JsonNode? Body, string Authorization, string ContentType)
{
    /// <summary>All the text of the message and its blocks, for "the user sees X" assertions.</summary>
    public string VisibleText => Body?.ToJsonString(Readable) ?? "";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
