using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// The bot tokens Slack has refused (<c>invalid_auth</c>, <c>token_revoked</c>, <c>not_authed</c>...). Nothing more is
/// sent with a refused token: the workspace's messages wait in the outbox, neither lost nor failed, until the workspace
/// has another token (a new one in configuration, or a re-install). Kept by token, not by workspace, so that a new
/// token resumes sending by itself. The refusal is logged once per token, not once per message.
/// </summary>
internal sealed partial class SlackWorkspaceAuth(ILogger<SlackWorkspaceAuth>? logger = null)
{
    private static readonly HashSet<string> AuthErrors = new(StringComparer.Ordinal) { "invalid_auth", "token_revoked", "not_authed", "token_expired" };

    private readonly ConcurrentDictionary<string, Refusal> _refused = new(StringComparer.Ordinal);
    private readonly ILogger _logger = logger ?? NullLogger<SlackWorkspaceAuth>.Instance;

    /// <summary>True for the errors that mean the token itself no longer works.</summary>
    public static bool IsAuthError(string? error) => error is not null && AuthErrors.Contains(error);

    /// <summary>The error Slack gave for this token, or null while it works (or was never tried).</summary>
    public string? RefusedWith(string token) => _refused.TryGetValue(token, out var refusal) ? refusal.Error : null;

    /// <summary>The workspaces whose token Slack refused, for the health check.</summary>
    public IReadOnlyList<(string TeamId, string Error)> Refused => [.. _refused.Values.Select(r => (r.TeamId, r.Error))];

    /// <summary>Slack refused <paramref name="token"/>: hold the workspace, and say so once.</summary>
    public void Refuse(string teamId, string token, string error)
    {
        if (_refused.TryAdd(token, new Refusal(teamId, error)))
        {
            TokenRefused(_logger, teamId.Length > 0 ? teamId : "(configured)", error);
        }
    }

    private sealed record Refusal(string TeamId, string Error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack refused the bot token of workspace {TeamId} ({Error}). Nothing more is sent to that workspace: its messages wait in the outbox until it has a new token (AlignBot:Slack:BotToken, or a re-install)")]
    private static partial void TokenRefused(ILogger logger, string teamId, string error);
}
