using System.Globalization;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Socket;

namespace AlignBot.Host.Slack;

/// <summary>
/// Runs the Socket Mode connection for the life of the host (with <c>AlignBot:Slack:AppToken</c> set) and dispatches each
/// envelope by its type: an Events API delivery goes through <see cref="SlackEventIntake"/>, exactly as a POST to
/// /slack/events does once its signature is checked; interactivity and slash commands go to
/// <see cref="ISlackInteractivity"/>. Each envelope gets a scope of its own, as an HTTP request does.
/// </summary>
internal sealed class SlackSocketModeService(SlackSocketModeClient client, IServiceScopeFactory scopes, ILogger<SlackSocketModeService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(DispatchAsync, stoppingToken);

    internal async Task<JsonNode?> DispatchAsync(SocketModeEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (envelope.Type)
        {
            case SocketModeEnvelope.EventsApi:
                await services.GetRequiredService<SlackEventIntake>()
                    .ProcessAsync(envelope.Payload, envelope.RetryAttempt.ToString(CultureInfo.InvariantCulture), cancellationToken);
                // A body not understood is acknowledged all the same: delivering it again would not make it readable.
                return null;
            case SocketModeEnvelope.Interactive:
                return await services.GetRequiredService<ISlackInteractivity>().HandleInteractionAsync(envelope.Payload, cancellationToken);
            case SocketModeEnvelope.SlashCommands:
                return await services.GetRequiredService<ISlackInteractivity>().HandleSlashCommandAsync(envelope.Payload, cancellationToken);
            default:
                SlackLog.Ignored(logger, $"Socket Mode envelope type '{envelope.Type}' is not handled.");
                return null;
        }
    }
}
