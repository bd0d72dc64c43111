using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Tests.Shared.Http;

/// <summary>
/// The real HTTP server under every fake service the tests stand up (Bot Connector, Slack Web API, Graph, OpenID
/// metadata): a slim Kestrel on a free loopback port, without logging. Create it, map the fake's routes, start it.
/// </summary>
internal static class LoopbackServer
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    /// <summary>Starts the server; its address (<c>http://127.0.0.1:port</c>, no trailing slash).</summary>
    public static async Task<string> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        // The feature is always present on Kestrel once started.
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }
}
