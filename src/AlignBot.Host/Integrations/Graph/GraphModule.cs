using AlignBot.Core.Availability;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>
/// Microsoft Graph, when <see cref="GraphOptions"/> is configured: an app-only GraphServiceClient over an HttpClient
/// with the standard resilience handler (Graph's 429 Retry-After and 5xx are retried there), and the mailbox sync.
/// </summary>
internal static class GraphModule
{
    public const string HttpClientName = "graph";

    public static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    public static IServiceCollection AddGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddScoped<MailboxSyncJob>();
        services.AddSingleton<MailboxSyncTrigger>();
        var options = configuration.GetSection(GraphOptions.Section).Get<GraphOptions>() ?? new GraphOptions();
        return options.IsConfigured ? services.AddGraphClient() : services;
    }

    /// <summary>
    /// The Graph client and what uses it. A method of its own, reached only when Graph is configured, so that a host
    /// without Graph never loads the Graph SDK's assemblies (several megabytes of memory).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IServiceCollection AddGraphClient(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return new GraphCredential(new ClientSecretCredential(graph.TenantId, graph.ClientId, graph.ClientSecret));
        });
        services.AddHttpClient(HttpClientName).AddStandardResilienceHandler();
        services.AddScoped(sp =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var baseUrl = graph.BaseUrl.TrimEnd('/');
            var authentication = new AzureIdentityAuthenticationProvider(
                sp.GetRequiredService<GraphCredential>().Credential, allowedHosts: [new Uri(baseUrl).Host], scopes: Scopes);
            return new GraphServiceClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), authentication, baseUrl);
        });
        services.AddScoped<IMailboxSettingsReader, GraphMailboxSettingsReader>();
        services.AddScoped<SyncMailboxSettings>();
        return services;
    }
}
