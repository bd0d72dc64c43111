using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Conversations;
using AlignBot.Data.Slack;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Slack;

/// <summary>
/// Slack's OAuth v2 install, for a workspace that is not the configured one. The start hands the browser a random
/// nonce in a cookie and sends it to Slack's authorize page with a <c>state</c> that carries the same nonce and the
/// time, protected by Data Protection (so it can't be forged or altered). On the way back the state must unprotect,
/// be at most <see cref="StateLifetime"/> old, match the cookie (the same browser started it) and not have been used
/// before (its nonce is recorded like an inbound delivery, once, cluster-wide); only then is the code traded with
/// <c>oauth.v2.access</c> and the workspace stored, its bot token encrypted with Data Protection.
/// </summary>
internal sealed class SlackInstall(
    IOptions<SlackOptions> options,
    IConfiguration configuration,
    IDataProtectionProvider protection,
    SlackWebApiClient api,
    SlackWorkspaceStore workspaces,
    InboundDeduplicator deduplicator,
    TimeProvider clock,
    ISlackTokens tokens,
    ILogger<SlackInstall> logger)
{
    public const string StateCookie = "alignbot_slack_oauth";
    public const string StatePurpose = "AlignBot.Slack.OAuthState";
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private SlackOptions Slack => options.Value;

    public string RedirectUri =>
        Slack.RedirectUrl is { Length: > 0 } configured
            ? configured
            : (configuration[Standups.StandupExportLinks.PublicBaseUrlKey] is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') : "http://localhost:3978") + SlackInstallEndpoints.RedirectPath;

    /// <summary>The authorize address to send the browser to, and the nonce to bind to it in a cookie.</summary>
    public (string AuthorizeUrl, string Nonce) Start()
    {
        var nonce = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var state = protection.CreateProtector(StatePurpose).Protect(nonce + "|" + issued);
        var url = QueryHelpers.AddQueryString(Slack.AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = Slack.ClientId,
            ["scope"] = string.Join(',', Slack.BotScopes),
            ["redirect_uri"] = RedirectUri,
            ["state"] = state,
        });
        return (url, nonce);
    }

    /// <summary>Checks the state and installs; the outcome's message is for the person in the browser.</summary>
    public async Task<InstallOutcome> CompleteAsync(string? code, string? state, string? error, string? cookieNonce, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(error))
        {
            return InstallOutcome.Refused($"Slack did not authorize the install ({error}). Nothing was installed; start again from /slack/install.");
        }

        if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(state))
        {
            return InstallOutcome.Refused("This link is missing its code or state: start the install again from /slack/install.");
        }

        if (StateNonce(state) is not var (nonce, issued))
        {
            return InstallOutcome.Refused("This install link was not issued by this AlignBot (its state does not check out). Start again from /slack/install.");
        }

        if (clock.GetUtcNow() - issued > StateLifetime || issued - clock.GetUtcNow() > TimeSpan.FromMinutes(1))
        {
            return InstallOutcome.Refused("This install link has expired (it lasts 10 minutes). Start again from /slack/install.");
        }

        if (cookieNonce is null || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(cookieNonce), System.Text.Encoding.UTF8.GetBytes(nonce)))
        {
            return InstallOutcome.Refused("This install was started in another browser (or its cookie is gone). Start again from /slack/install in this browser.");
        }

        if (!await TryUseOnceAsync(nonce, cancellationToken))
        {
            return InstallOutcome.Refused("This install link was already used. Start again from /slack/install.");
        }

        var response = await api.OAuthV2AccessAsync(Slack.ClientId!, Slack.ClientSecret!, code, RedirectUri, cancellationToken); // both set: the endpoints exist only with them
        if (!response.Ok || response.Body is not { } body)
        {
            SlackLog.InstallRefused(logger, response.Error ?? "unknown");
            return InstallOutcome.Refused($"Slack refused the install ({response.Error ?? "no answer"}). Nothing was installed; start again from /slack/install.");
        }

        var token = String(body["access_token"]);
        var teamId = String(body["team"]?["id"]);
        if (token is null || !token.StartsWith("xoxb-", StringComparison.Ordinal) || String(body["token_type"]) != "bot" || teamId is null)
        {
            SlackLog.InstallRefused(logger, "no bot token in the answer");
            return InstallOutcome.Refused("Slack's answer carried no bot token for a workspace. Nothing was installed.");
        }

        var teamName = String(body["team"]?["name"]) ?? teamId;
        await workspaces.UpsertAsync(
            new SlackWorkspaceRecord
            {
                TeamId = teamId,
                TeamName = teamName,
                BotUserId = String(body["bot_user_id"]) ?? "",
                Scopes = String(body["scope"]) ?? "",
                ProtectedBotToken = StoredSlackTokens.Protector(protection).Protect(token),
                InstalledAt = clock.GetUtcNow(),
                InstalledBy = String(body["authed_user"]?["id"]) ?? "",
            },
            cancellationToken);
        (tokens as StoredSlackTokens)?.Forget(teamId); // a re-install's new token is used from the next call
        SlackLog.Installed(logger, teamId);
        return InstallOutcome.Installed(teamName);
    }

    private (string Nonce, DateTimeOffset Issued)? StateNonce(string state)
    {
        string plain;
        try
        {
            plain = protection.CreateProtector(StatePurpose).Unprotect(state);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = plain.Split('|');
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? (parts[0], DateTimeOffset.FromUnixTimeSeconds(seconds))
            : null;
    }

    /// <summary>Records the nonce like a delivery id: a second use, here or on another instance, finds it taken.</summary>
    private Task<bool> TryUseOnceAsync(string nonce, CancellationToken cancellationToken) =>
        deduplicator.TryUseOnceAsync(Platform.Slack, "oauth-state:" + nonce, cancellationToken);

    private static string? String(System.Text.Json.Nodes.JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? (string?)node : null;
}

/// <summary>How an install ended: the workspace's name, or what to tell the person and nothing stored.</summary>
internal sealed record InstallOutcome(bool Ok, string Message)
{
    public static InstallOutcome Installed(string teamName) => new(true, teamName);

    public static InstallOutcome Refused(string message) => new(false, message);
}
