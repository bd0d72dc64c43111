using AlignBot.Channels.Slack.Api;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlignBot.Host.Slack;

/// <summary>
/// Slack in <c>/healthz</c>: degraded while Slack refuses a workspace's bot token (its messages wait), healthy otherwise,
/// with the workspace and bot user <c>auth.test</c> named at start.
/// </summary>
internal sealed class SlackHealthCheck(SlackWorkspaceAuth auth, SlackStartupCheck startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        if (startup.Identity is { } identity)
        {
            data["workspace"] = identity.TeamId;
            data["botUser"] = identity.UserId ?? "";
        }

        if (auth.Refused is { Count: > 0 } refused)
        {
            var workspaces = string.Join(", ", refused.Select(r => $"{(r.TeamId.Length > 0 ? r.TeamId : "(configured)")}: {r.Error}"));
            return Task.FromResult(HealthCheckResult.Degraded($"Slack refused the bot token ({workspaces}); messages to that workspace wait for a new token.", data: data));
        }

        return Task.FromResult(startup.Identity is null
            ? HealthCheckResult.Healthy($"Slack's token is not checked yet{(startup.Problem is { } problem ? $" ({problem})" : "")}.", data)
            : HealthCheckResult.Healthy("Slack accepts the bot token.", data));
    }
}
