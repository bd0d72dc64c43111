using AlignBot.Channels.Slack.Api;

namespace AlignBot.Host.Slack;

/// <summary>
/// At start, with a bot token configured: <c>auth.test</c>, to log which workspace and bot user the token belongs to.
/// A refused token is logged once as a clear error (and the workspace held, <see cref="SlackWorkspaceAuth"/>); an
/// unreachable Slack is a warning. Either way the host starts: Teams and everything else go on.
/// </summary>
internal sealed class SlackStartupCheck(SlackWebApiClient api, ILogger<SlackStartupCheck> logger) : BackgroundService
{
    /// <summary>Who the token belongs to, once <c>auth.test</c> answered ok.</summary>
    public SlackAuthIdentity? Identity { get; private set; }

    /// <summary>Why the check did not succeed, if it did not.</summary>
    public string? Problem { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var answer = await api.AuthTestAsync(SlackWebApiClient.ConfiguredWorkspace, stoppingToken);
            if (answer.Value is { } identity)
            {
                Identity = identity;
                SlackLog.TokenWorks(logger, identity.Team ?? "", identity.TeamId, identity.UserId ?? "", identity.Url ?? "");
            }
            else
            {
                // A refused token was logged by SlackWorkspaceAuth, once; anything else is said here.
                Problem = answer.Response.Error ?? $"HTTP {(int)answer.Response.StatusCode}";
                if (!SlackWorkspaceAuth.IsAuthError(answer.Response.Error))
                {
                    SlackLog.TokenNotChecked(logger, Problem);
                }
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Whatever went wrong, the host goes on: a failed check must not stop Teams or the rest of AlignBot.
            Problem = "Slack could not be reached";
            SlackLog.TokenNotChecked(logger, ex.Message);
        }
    }
}
