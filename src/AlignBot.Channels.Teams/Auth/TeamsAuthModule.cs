using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Channels.Teams.Auth;

/// <summary>Registers Bot Framework JWT validation for inbound requests and app tokens for outbound calls.</summary>
internal static class TeamsAuthModule
{
    public static void AddBotFrameworkAuthentication(IServiceCollection services, BotFrameworkOptions options) =>
        throw new NotSupportedException("Authenticated mode is being built; run without MicrosoftAppId for now.");
}
