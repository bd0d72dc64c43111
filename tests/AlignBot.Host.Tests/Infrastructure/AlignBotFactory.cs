using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// The real host, in memory, on a real SQLite file of its own, with a fake clock; the Teams connector it talks to is
/// whatever service URL the test's activities carry (a <see cref="FakeConnector"/> on loopback). The scheduler's hosted
/// service is off so tests drive time themselves.
/// </summary>
public sealed class AlignBotFactory(string databasePath, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock => clock;

    public string DatabasePath => databasePath;

    public static string NewDatabasePath() => Path.Combine(Directory.CreateTempSubdirectory("alignbot-test").FullName, "alignbot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AlignBot", $"Data Source={databasePath}");
        builder.UseSetting("AlignBot:Scheduler:Enabled", "false");
        builder.UseSetting("AlignBot:Outbox:PollInterval", "00:00:01");
        builder.UseSetting("AlignBot:Outbox:BaseBackoff", "00:00:01");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        // Every test host runs anonymously: its warning saying so, once per host, would bury what a failing test logged.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter(AlignBot.Host.Teams.TeamsLog.AnonymousModeCategory, LogLevel.Error));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
            configureServices?.Invoke(services);
        });
    }
}
