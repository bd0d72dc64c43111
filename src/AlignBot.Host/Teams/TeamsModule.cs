using AlignBot.Channels.Teams;
using AlignBot.Channels.Teams.Auth;
using AlignBot.Channels.Teams.Connector;
using AlignBot.Core.Conversations;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Teams;

/// <summary>Wires the Teams channel: app registration options, inbound authentication, the Connector client and sender.</summary>
internal static class TeamsModule
{
    public const string AllowAnonymousKey = "AlignBot:AllowAnonymous";
    public const string ConnectorClientName = "teams-connector";

    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The Bot Framework keys live at the root of the configuration (MicrosoftAppId, ...), as the Bot Framework has them.
        services.AddOptions<BotFrameworkOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        var botFramework = configuration.Get<BotFrameworkOptions>() ?? new BotFrameworkOptions();
        if (botFramework.IsAnonymous && environment.IsProduction() && !configuration.GetValue<bool>(AllowAnonymousKey))
        {
            throw new InvalidOperationException(
                $"MicrosoftAppId is not set, so /api/messages would accept unauthenticated requests. That is refused in Production: set MicrosoftAppId (and MicrosoftAppPassword), or set {AllowAnonymousKey}=true to run anonymously on purpose.");
        }

        services.AddTeamsAuthentication(botFramework);
        // One attempt per call: the outbox dispatcher owns retries, so no resilience handler retries a POST here. It
        // also logs every failure with the row it was for, so the per-request logging handlers (a scope and two log
        // calls for every message sent) are left out; a redirect is never followed with the bot's token.
        services.AddHttpClient(ConnectorClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256, AllowAutoRedirect = false })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.AddSingleton(sp => new BotConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClientName),
            sp.GetRequiredService<IBotTokenProvider>()));
        services.AddSingleton<InstallEnricher>();
        services.AddSingleton<TeamsMessages>();
        services.AddKeyedSingleton<AlignBot.Core.Organization.IConversationMembers, TeamsConversationMembers>(Platform.Teams);
        services.AddSingleton<IPlatformSender>(sp => new TeamsSender(
            sp.GetRequiredService<BotConnectorClient>(), sp.GetRequiredService<IOptions<BotFrameworkOptions>>(), sp.GetRequiredService<ISendPacer>()));
        return services;
    }

    private static void AddTeamsAuthentication(this IServiceCollection services, BotFrameworkOptions botFramework)
    {
        if (botFramework.IsAnonymous)
        {
            services.AddSingleton<IInboundAuthenticator, AnonymousAuthenticator>();
            services.AddSingleton<IBotTokenProvider, AnonymousTokenProvider>();
            return;
        }

        TeamsAuthModule.AddBotFrameworkAuthentication(services, botFramework);
    }
}
