using AlignBot.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    private sealed class ProductionFactory(string databasePath, bool allowAnonymous) : WebApplicationFactory<Program>
    {
        private readonly FakeTimeProvider _clock = new(AlignBotFactory.DefaultStart);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:AlignBot", $"Data Source={databasePath}");
            builder.UseSetting("AlignBot:Scheduler:Enabled", "false");
            builder.UseSetting("AlignBot:AllowAnonymous", allowAnonymous ? "true" : "false");
            builder.UseSetting("MicrosoftAppId", "");
        }
    }
}
