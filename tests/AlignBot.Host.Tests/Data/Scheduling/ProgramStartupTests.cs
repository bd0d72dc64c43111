using System.Net;
using System.Text.Json;
using AlignBot.Data;
using AlignBot.Host.Scheduling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace AlignBot.Host.Tests.Data.Scheduling;

/// <summary>The whole app started on an empty database, scheduler on: the schema is there before Quartz checks it.</summary>
public sealed class ProgramStartupTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Program_FreshDatabase_MigratesBeforeTheSchedulerStarts(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting($"ConnectionStrings:{StorageOptions.ConnectionStringName}", connectionString)
            .UseSetting($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}", provider.ToString())
            .UseSetting($"{SchedulingModule.Section}:Enabled", "true")
            .UseSetting("AlignBot:Outbox:Enabled", "false"));
        using var client = app.CreateClient();

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        using (var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // The hosted service starts the scheduler after the app has started; give it that moment.
            startup.CancelAfter(TimeSpan.FromSeconds(30));
            while (scheduler.Status != SchedulerStatus.Running && !startup.IsCancellationRequested)
            {
                await Task.Delay(20, cancellationToken);
            }
        }

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));

        Assert.True(response.StatusCode == HttpStatusCode.OK, health.RootElement.GetRawText());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString());
        Assert.True(await scheduler.Exists(HousekeepingTickJob.Key, cancellationToken));
        Assert.Contains("qrtz_job_details", await SchemaCatalog.TablesAsync(provider, connectionString, cancellationToken));
    }

    [Fact]
    public async Task Program_Started_ReadsTheKeyRingOnFirstUseOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(StorageProvider.Sqlite, cancellationToken);
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Development")
            .UseSetting($"ConnectionStrings:{StorageOptions.ConnectionStringName}", connectionString)
            .UseSetting($"{SchedulingModule.Section}:Enabled", "false")
            .UseSetting("AlignBot:Outbox:Enabled", "false"));
        using var client = app.CreateClient();

        var dataProtection = typeof(DataProtectionOptions).Assembly;
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), service => service.GetType().Assembly == dataProtection);
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("startup-test");
        Assert.Equal("kept", protector.Unprotect(protector.Protect("kept")));
    }
}
