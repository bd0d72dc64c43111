using System.Security.Cryptography;
using AlignBot.Channels.Slack.Api;
using AlignBot.Data.Slack;
using Microsoft.AspNetCore.DataProtection;

namespace AlignBot.Host.Slack;

/// <summary>
/// The bot token of a workspace that installed AlignBot through OAuth (decrypted from the database), else the
/// configured single-workspace token, if any.
/// </summary>
internal sealed class StoredSlackTokens(IServiceScopeFactory scopes, IDataProtectionProvider protection, SlackTokensFromOptions configured, ILogger<StoredSlackTokens> logger) : ISlackTokens
{
    public const string TokenPurpose = "AlignBot.Slack.BotToken";

    public static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector(TokenPurpose);

    public async ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var workspace = await scope.ServiceProvider.GetRequiredService<SlackWorkspaceStore>().FindAsync(teamId, cancellationToken);
        if (workspace is null)
        {
            return await configured.BotTokenAsync(teamId, cancellationToken);
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
