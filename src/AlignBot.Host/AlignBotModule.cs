using AlignBot.Core.Help;
using AlignBot.Core.Home;
using AlignBot.Core.People;
using AlignBot.Core.Routing;
using AlignBot.Data;
using AlignBot.Host.Conversations;
using AlignBot.Host.Feedback;
using AlignBot.Host.Health;
using AlignBot.Host.Integrations.Graph;
using AlignBot.Host.Outbox;
using AlignBot.Host.Scheduling;
using AlignBot.Host.Slack;
using AlignBot.Host.Standups;
using AlignBot.Host.Teams;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AlignBot.Host;

/// <summary>The composition root's table of contents: every feature and channel registers here.</summary>
internal static class AlignBotModule
{
    public static WebApplicationBuilder AddAlignBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddAlignBotData(builder.Configuration);
        services.AddTeamsChannel(builder.Configuration, builder.Environment);
        services.AddSlackChannel(builder.Configuration);
        services.AddOutbox();
        builder.AddScheduling();
        services.AddAlignBotHealth(builder.Configuration);
        services.AddStandups();
        services.AddFeedback();
        services.AddGraph(builder.Configuration);
        services.AddChatRouting();
        services.AddKeyRing();
        return builder;
    }

    public static WebApplication MapAlignBot(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapTeams();
        app.MapSlack();
        app.MapStandupEndpoints();
        app.MapAlignBotHealth();
        app.MapGet("/", () => Results.Text("AlignBot is running. Bot endpoint: POST /api/messages. Health: GET /healthz."));
        return app;
    }

    /// <summary>
    /// The data-protection key ring behind stand-up export links and stored Slack tokens, kept with AlignBot's data under
    /// one application name, so a restart, a new container or a new machine keeps links and tokens readable (the
    /// default, a folder in the home of whoever runs the host, keeps none of that). On PostgreSQL it is a table of the
    /// database, which every instance reads; on SQLite, one instance by design, a <c>keys</c> folder beside the database
    /// file (see <see cref="SqliteKeyRing"/>).
    /// </summary>
    private static void AddKeyRing(this IServiceCollection services)
    {
        var keyRing = services.AddDataProtection().SetApplicationName(KeyRingApplicationName);
        var storage = services.RegisteredStorage() ?? throw new InvalidOperationException("The key ring is kept with the data: register the data first.");
        if (storage.Provider == StorageProvider.Sqlite && DataModule.SqliteFolder(storage.ConnectionString) is { } folder)
        {
            var keys = new DirectoryInfo(Path.Combine(folder, KeyRingFolder));
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
                options => options.XmlRepository = new SqliteKeyRing(keys, sp, sp.GetRequiredService<ILoggerFactory>())));
        }
        else
        {
            keyRing.PersistKeysToDbContext<AlignBotDbContext>();
        }

        services.LoadKeyRingOnFirstUse();
    }

    /// <summary>The key ring's folder beside a SQLite database file.</summary>
    internal const string KeyRingFolder = "keys";

    /// <summary>Every instance and version protects and reads under this name, wherever it is installed.</summary>
    internal const string KeyRingApplicationName = "AlignBot";

    /// <summary>
    /// ASP.NET Core loads the data-protection key ring (export links, stored Slack tokens) while the host starts. Here
    /// it is read when first needed: both uses are rare, and loading it at start kept the XML and key-ring code resident
    /// for the life of an idle host (4 MB of its memory).
    /// </summary>
    internal static void LoadKeyRingOnFirstUse(this IServiceCollection services)
    {
        var preload = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(DataProtectionOptions).Assembly);
        if (preload is not null)
        {
            services.Remove(preload);
        }
    }

    /// <summary>The router and the feature handlers it resolves per event.</summary>
    private static IServiceCollection AddChatRouting(this IServiceCollection services)
    {
        var router = new ChatRouter();
        HelpHandlers.Map(router);
        PeopleHandlers.Map(router);
        HomeHandlers.Map(router);
        StandupsModule.MapStandups(router);
        FeedbackModule.MapFeedback(router);
        services.AddSingleton(router);
        services.AddScoped<HelpHandlers>();
        services.AddScoped<PeopleHandlers>();
        services.AddScoped<HomeHandlers>();
        services.AddSingleton<InboundPipeline>();
        services.AddScoped<InboundEventHandler>();
        services.AddScoped<Home.HomeRefresh>();
        services.AddSingleton<AlignBot.Core.Organization.IConversationMembers, ConversationMembersByPlatform>();
        return services;
    }

    private static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SendLimiter>();
        services.AddSingleton<AlignBot.Core.Conversations.ISendPacer>(sp => sp.GetRequiredService<SendLimiter>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
