using AlignBot.Channels.Slack.Api;
using AlignBot.Channels.Slack.Events;
using AlignBot.Data.Slack;
using AlignBot.Host.Conversations;

namespace AlignBot.Host.Slack;

/// <summary>
/// An Events API body Slack is known to have sent (its HTTP signature checked, or arrived on the app's own Socket Mode
/// connection) → parsed → the pipeline. POST /slack/events and Socket Mode both end here, so an event is handled the
/// same whichever way it came. An uninstall or a revoked bot token forgets the workspace's stored token. Each turns the <see cref="SlackEventOutcome"/> into its own kind of acknowledgement.
/// </summary>
internal sealed class SlackEventIntake(InboundPipeline pipeline, SlackWorkspaceStore workspaces, IServiceProvider services, ILogger<SlackEventIntake> logger)
{
    /// <param name="retry">Slack's retry number (<c>X-Slack-Retry-Num</c>, or the envelope's <c>retry_attempt</c>), for the log only.</param>
    public async Task<SlackEventOutcome> ProcessAsync(ReadOnlyMemory<byte> body, string? retry, CancellationToken cancellationToken)
    {
        switch (SlackEventParser.Parse(body.Span))
        {
            case ParsedSlackEvent.UrlVerification verification:
                return new SlackEventOutcome.Challenge(verification.Challenge);
            case ParsedSlackEvent.Invalid invalid:
                SlackLog.Invalid(logger, invalid.Error);
                return SlackEventOutcome.Invalid;
            case ParsedSlackEvent.TokensRevoked revoked:
                // Uninstalled, or its bot token revoked: the stored token is dead, so it is forgotten (a retry finds nothing to remove).
                var removed = await workspaces.RemoveAsync(revoked.TeamId, cancellationToken);
                (services.GetService<ISlackTokens>() as StoredSlackTokens)?.Forget(revoked.TeamId);
                SlackLog.TokensRevoked(logger, revoked.TeamId, revoked.EventType, removed);
                return SlackEventOutcome.Done;
            case ParsedSlackEvent.Ignored ignored:
                SlackLog.Ignored(logger, ignored.Reason);
                return SlackEventOutcome.Done;
            case ParsedSlackEvent.Event parsed:
                if (retry is { Length: > 0 } and not "0")
                {
                    SlackLog.Retry(logger, retry, parsed.ChatEvent.DeliveryId);
                }

                await pipeline.ProcessAsync(parsed.ChatEvent, cancellationToken);
                services.GetService<SlackPeopleSync>()?.Request(parsed.ChatEvent); // read (and linked by email) after the commit and the ack, never before
                return SlackEventOutcome.Done;
            default:
                return SlackEventOutcome.Done;
        }
    }
}
