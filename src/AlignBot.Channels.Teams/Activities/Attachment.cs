using System.Text.Json.Nodes;

namespace AlignBot.Channels.Teams.Activities;

internal sealed record Attachment(string ContentType, JsonNode? Content);
