using AlignBot.Data;
using AlignBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Bench;

/// <summary>The real AlignBot host, composed exactly as Program.cs does, on a fresh SQLite file and a free loopback port (optionally on a fake clock).</summary>
internal static class BenchHost
{
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Dictionary<string, string?> settings, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        var folder = Directory.CreateTempSubdirectory("alignbot-bench").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AlignBot"] = $"Data Source={Path.Combine(folder, "alignbot.db")}",
            ["AlignBot:Scheduler:Enabled"] = "false",
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:AlignBot"] = "Error",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddAlignBot();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock); // the last registration wins: the whole host runs on this clock
        }

        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AlignBot.Host.Organization.OrganizationSeeder>().ApplyAsync(cancellationToken);
        }

        app.MapAlignBot();
        await app.StartAsync(cancellationToken);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, url);
    }
}
