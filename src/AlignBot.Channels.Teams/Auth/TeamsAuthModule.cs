using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlignBot.Channels.Teams.Auth;

/// <summary>Registers Bot Framework JWT validation for inbound requests and app tokens for outbound calls.</summary>
internal static class TeamsAuthModule
{
    public const string MetadataClientName = "botframework-metadata";

    public static void AddBotFrameworkAuthentication(IServiceCollection services, BotFrameworkOptions options)
    {
        services.AddHttpClient(MetadataClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IInboundAuthenticator>(sp => new BotFrameworkJwtAuthenticator(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClientName),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkJwtAuthenticator>>()));
        services.AddSingleton<IBotTokenProvider>(sp => options.MicrosoftAppType == BotFrameworkOptions.UserAssignedMsi
            ? ManagedIdentityBotTokenProvider.Create(options, sp.GetRequiredService<TimeProvider>())
            : MsalBotTokenProvider.Create(options));
    }
}
