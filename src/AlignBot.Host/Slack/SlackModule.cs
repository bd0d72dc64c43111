using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;

namespace AlignBot.Host.Slack;

/// <summary>
/// Wires the Slack channel from <c>AlignBot:Slack</c>: the request verifier when a signing secret is set (and with it
/// <c>POST /slack/events</c>, <c>/slack/interactions</c> and <c>/slack/commands</c>), the Web API client and the sender when a bot token is set. Neither set: no Slack at all.
/// </summary>
internal static class SlackModule
{
    public const string WebApiClientName = "slack-web-api";

    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations()
            .Validate(o => IsSafeBaseUrl(o.ApiBaseUrl), $"{SlackOptions.Section}:{nameof(SlackOptions.ApiBaseUrl)} must be https (http only on loopback, for tests): the bot token travels with every call.")
            .ValidateOnStart();
        var slack = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        if (slack.ReceivesEvents)
        {
            // The secret is checked non-empty by ReceivesEvents.
            services.AddSingleton(sp => new SlackRequestVerifier(slack.SigningSecret!, sp.GetRequiredService<TimeProvider>()));
        }

        if (slack.Sends)
        {
            // One attempt per call: the outbox dispatcher owns retries, so no resilience handler retries a POST here.
            services.AddHttpClient(WebApiClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
            services.AddSingleton<ISlackTokens>(new ConfiguredSlackTokens(slack.BotToken!)); // checked non-empty by Sends
            services.AddSingleton(sp => new SlackWebApiClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebApiClientName),
                new Uri(slack.ApiBaseUrl.EndsWith('/') ? slack.ApiBaseUrl : slack.ApiBaseUrl + "/"),
                sp.GetRequiredService<ISlackTokens>()));
            services.AddSingleton<IPlatformSender>(sp => new SlackSender(sp.GetRequiredService<SlackWebApiClient>(), sp.GetRequiredService<ISendPacer>()));
        }

        return services;
    }

    private static bool IsSafeBaseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
