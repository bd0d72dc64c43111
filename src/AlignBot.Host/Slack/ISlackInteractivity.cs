using System.Text.Json.Nodes;

namespace AlignBot.Host.Slack;

/// <summary>
/// Button presses, modal submissions, shortcuts (<c>interactive</c>) and the slash command (<c>slash_commands</c>) that
/// arrive over Socket Mode: the payload is the one Slack would have POSTed to the request URL (for a command, its form
/// fields as a JSON object). The answer, if any, goes back in the envelope's ack, as an HTTP response body would.
/// </summary>
internal interface ISlackInteractivity
{
    Task<JsonNode?> HandleInteractionAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    Task<JsonNode?> HandleSlashCommandAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
