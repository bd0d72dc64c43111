using System.Text.Json.Nodes;

namespace AlignBot.Host.Slack;

/// <summary>Interactivity and the slash command are not built yet on Slack: acknowledged (so Slack does not retry) and logged.</summary>
internal sealed class UnhandledSlackInteractivity(ILogger<UnhandledSlackInteractivity> logger) : ISlackInteractivity
{
    public Task<JsonNode?> HandleInteractionAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        SlackLog.NotHandledYet(logger, "interactive");
        return Task.FromResult<JsonNode?>(null);
    }

    public Task<JsonNode?> HandleSlashCommandAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        SlackLog.NotHandledYet(logger, "slash_commands");
        return Task.FromResult<JsonNode?>(null);
    }
}
