using AlignBot.Host.Teams;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Teams;

public sealed class AnonymousModeTests
{
    [Fact]
    public void Start_InProductionWithoutAppId_IsRefusedNamingTheSetting()
    {
        using var factory = new ProductionFactory(AlignBotFactory.NewDatabasePath(), allowAnonymous: false);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("AlignBot:AllowAnonymous", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InProductionWithAllowAnonymous_Starts()
    {
        using var factory = new ProductionFactory(AlignBotFactory.NewDatabasePath(), allowAnonymous: true);

        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Start_WithoutAppId_WarnsOnceThatRequestsAreNotAuthenticated()
    {
        var logs = new LogCollector(LogLevel.Warning);
        using var factory = new ProductionFactory(AlignBotFactory.NewDatabasePath(), allowAnonymous: true, logs);

        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        var warning = Assert.Single(logs.Entries, e => e.Category == TeamsLog.AnonymousModeCategory);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("ANONYMOUS mode", warning.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAppId_NoAnonymousWarning()
    {
        var logs = new LogCollector(LogLevel.Warning);
        using var factory = new ProductionFactory(AlignBotFactory.NewDatabasePath(), allowAnonymous: false, logs, appId: "00000000-0000-0000-0000-00000000b07a");

        var response = await factory.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.DoesNotContain(logs.Entries, e => e.Category == TeamsLog.AnonymousModeCategory);
    }

    private sealed class ProductionFactory(string databasePath, bool allowAnonymous, LogCollector? logs = null, string appId = "") : WebApplicationFactory<Program>
    {
        private readonly FakeTimeProvider _clock = new(AlignBotFactory.DefaultStart);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:AlignBot", $"Data Source={databasePath}");
            builder.UseSetting("AlignBot:Scheduler:Enabled", "false");
            builder.UseSetting("AlignBot:AllowAnonymous", allowAnonymous ? "true" : "false");
            builder.UseSetting("MicrosoftAppId", appId);
            builder.UseSetting("MicrosoftAppPassword", appId.Length > 0 ? "a-test-secret" : "");
            if (logs is not null)
            {
                builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs));
            }
        }
    }
}
