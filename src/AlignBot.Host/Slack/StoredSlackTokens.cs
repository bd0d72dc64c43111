using System.Collections.Concurrent;
using System.Security.Cryptography;
using AlignBot.Channels.Slack.Api;
using AlignBot.Data.Slack;
using Microsoft.AspNetCore.DataProtection;

namespace AlignBot.Host.Slack;

/// <summary>
/// The bot token of a workspace that installed AlignBot through OAuth (decrypted from the database), else the
/// configured single-workspace token, if any. Every Web API call asks, so a workspace's decrypted token is kept for a
/// minute (forgotten at once when this instance installs or removes the workspace; another instance's change is seen
/// within the minute).
/// </summary>
internal sealed class StoredSlackTokens(IServiceScopeFactory scopes, IDataProtectionProvider protection, SlackTokensFromOptions configured, TimeProvider clock, ILogger<StoredSlackTokens> logger) : ISlackTokens
{
    public const string TokenPurpose = "AlignBot.Slack.BotToken";

    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string? Token, DateTimeOffset ReadAt)> _read = new(StringComparer.Ordinal);

    /// <summary>Forgets what was read for <paramref name="teamId"/>: its stored token was just replaced or removed.</summary>
    public void Forget(string teamId) => _read.TryRemove(teamId, out _);

    public static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector(TokenPurpose);

    public async ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_read.TryGetValue(teamId, out var kept) && now - kept.ReadAt < KeptFor)
        {
            return kept.Token ?? await configured.BotTokenAsync(teamId, cancellationToken);
        }

        var token = await ReadStoredAsync(teamId, cancellationToken);
        _read[teamId] = (token, now);
        return token ?? await configured.BotTokenAsync(teamId, cancellationToken);
    }

    /// <summary>The workspace's stored token, decrypted; null when it has none (or it can't be decrypted).</summary>
    private async Task<string?> ReadStoredAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workspace = await scope.ServiceProvider.GetRequiredService<SlackWorkspaceStore>().FindAsync(teamId, cancellationToken);
        if (workspace is null)
        {
            return null;
        }

        try
        {
            return Protector(protection).Unprotect(workspace.ProtectedBotToken);
        }
        catch (CryptographicException ex)
        {
            // The key ring that protected it is gone (a new database without its keys): the workspace must reinstall.
            SlackLog.TokenUnreadable(logger, teamId, ex);
            return null;
        }
    }
}
