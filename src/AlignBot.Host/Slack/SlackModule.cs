using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using AlignBot.Channels.Slack.Socket;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using Microsoft.AspNetCore.DataProtection;

namespace AlignBot.Host.Slack;

/// <summary>
/// Wires the Slack channel from <c>AlignBot:Slack</c>: the request verifier when a signing secret is set (and with it
/// <c>POST /slack/events</c>, <c>/slack/interactions</c> and <c>/slack/commands</c>), the Socket Mode connection when an app token is set, the Web API client for either or
/// for sending (paced by the outbox's <see cref="Outbox.SendLimiter"/>, held for a workspace whose token Slack refused),
/// and when a bot token is set or workspaces install through OAuth (client id and secret, with /slack/install and the
/// tokens kept encrypted in the database): the sender, the roster of a channel, the profile reader, <c>auth.test</c> at
/// start and Slack's line in <c>/healthz</c>. None set: no Slack at all.
/// </summary>
internal static class SlackModule
{
    public const string WebApiClientName = "slack-web-api";

    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations()
            .Validate(o => IsSafeBaseUrl(o.ApiBaseUrl), $"{SlackOptions.Section}:{nameof(SlackOptions.ApiBaseUrl)} must be https (http only on loopback, for tests): the bot token travels with every call.")
            .Validate(o => !o.UsesSocketMode || o.AppToken!.StartsWith("xapp-", StringComparison.Ordinal), $"{SlackOptions.Section}:{nameof(SlackOptions.AppToken)} must be an app-level token (xapp-...), made under Basic Information → App-Level Tokens with the connections:write scope.")
            .Validate(o => string.IsNullOrWhiteSpace(o.ClientId) == string.IsNullOrWhiteSpace(o.ClientSecret), $"{SlackOptions.Section}:{nameof(SlackOptions.ClientId)} and {nameof(SlackOptions.ClientSecret)} go together (the OAuth install needs both): set both or neither.")
            .Validate(o => o.RedirectUrl is not { Length: > 0 } || IsSafeBaseUrl(o.RedirectUrl), $"{SlackOptions.Section}:{nameof(SlackOptions.RedirectUrl)} must be an https address (http only on loopback).")
            .ValidateOnStart();
        var slack = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        if (slack.ReceivesEvents || slack.UsesSocketMode)
        {
            services.AddScoped<SlackEventIntake>();
            services.AddScoped<SlackInteractivity>();
            services.AddScoped<ISlackInteractivity>(sp => sp.GetRequiredService<SlackInteractivity>());
        }

        if (slack.ReceivesEvents)
        {
            // The secret is checked non-empty by ReceivesEvents.
            services.AddSingleton(sp => new SlackRequestVerifier(slack.SigningSecret!, sp.GetRequiredService<TimeProvider>()));
        }

        if (slack.Sends || slack.UsesSocketMode || slack.InstallsByOAuth)
        {
            // One attempt per call: the outbox dispatcher owns retries, so no resilience handler retries a POST here; it
            // logs every failure itself, so the per-request logging handlers are left out. No redirect is followed with a token.
            services.AddHttpClient(WebApiClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers();
            services.AddSingleton<SlackTokensFromOptions>();
            if (slack.InstallsByOAuth)
            {
                // Bot tokens are kept encrypted in the database, under the key ring kept with the data (AlignBotModule):
                // they survive a restart and are readable by every instance.
                services.AddSingleton<ISlackTokens>(sp => new StoredSlackTokens(
                    sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<SlackTokensFromOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StoredSlackTokens>>()));
                services.AddScoped<SlackInstall>();
            }
            else
            {
                services.AddSingleton<ISlackTokens>(sp => sp.GetRequiredService<SlackTokensFromOptions>());
            }

            services.AddSingleton<SlackWorkspaceAuth>();
            services.AddSingleton(sp => new SlackWebApiClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebApiClientName),
                new Uri(slack.ApiBaseUrl.EndsWith('/') ? slack.ApiBaseUrl : slack.ApiBaseUrl + "/"),
                sp.GetRequiredService<ISlackTokens>(),
                sp.GetRequiredService<Outbox.SendLimiter>(),
                sp.GetRequiredService<SlackWorkspaceAuth>()));
        }

        if (slack.Sends || slack.InstallsByOAuth)
        {
            services.AddSingleton<IPlatformSender>(sp => new SlackSender(sp.GetRequiredService<SlackWebApiClient>(), sp.GetRequiredService<ISendPacer>()));
            services.AddKeyedSingleton<IConversationMembers>(Platform.Slack, (sp, _) => new SlackConversationMembers(sp.GetRequiredService<SlackWebApiClient>()));
            services.AddSingleton<SlackPeopleLinking>();
            services.AddSingleton<SlackPeopleSync>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackPeopleSync>());
            services.AddHealthChecks().AddCheck<SlackHealthCheck>("slack");
        }

        if (slack.Sends)
        {
            services.AddSingleton<SlackStartupCheck>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackStartupCheck>());
        }

        if (slack.UsesSocketMode)
        {
            services.AddSingleton(sp => new SlackSocketModeClient(
                sp.GetRequiredService<SlackWebApiClient>(),
                slack.AppToken!, // checked non-empty by UsesSocketMode
                ReconnectBackoff.Default,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SlackSocketModeClient>>()));
            services.AddHostedService<SlackSocketModeService>();
        }

        return services;
    }

    private static bool IsSafeBaseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
