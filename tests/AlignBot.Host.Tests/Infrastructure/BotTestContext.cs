using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Data;
using AlignBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>One test's world: a fake connector, the host on its own database, a fake clock, and helpers to talk to it.</summary>
public sealed class BotTestContext : IAsyncDisposable
{
    private readonly Action<IServiceCollection>? _configureServices;

    private BotTestContext(FakeConnector connector, string databasePath, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices)
    {
        Connector = connector;
        DatabasePath = databasePath;
        Clock = clock;
        Settings = settings;
        _configureServices = configureServices;
        Factory = new AlignBotFactory(databasePath, clock, settings, configureServices);
        Client = Factory.CreateClient();
    }

    public FakeConnector Connector { get; }

    public string DatabasePath { get; }

    public FakeTimeProvider Clock { get; }

    public IReadOnlyDictionary<string, string?>? Settings { get; }

    public AlignBotFactory Factory { get; private set; }

    public HttpClient Client { get; private set; }

    /// <param name="configureServices">Replaces services after the host's own registrations (e.g. a fake Graph credential).</param>
    public static async Task<BotTestContext> StartAsync(
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null, Action<IServiceCollection>? configureServices = null)
    {
        var connector = await FakeConnector.StartAsync(cancellationToken);
        return new BotTestContext(connector, AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(start ?? AlignBotFactory.DefaultStart), settings, configureServices);
    }

    /// <summary>Stops the host and starts a new one on the same database and clock: what a restart looks like.</summary>
    public Task RestartAsync() => RestartWithSettingsAsync(Settings);

    /// <summary>A restart with other settings (e.g. the dispatcher switched back on).</summary>
    public async Task RestartWithSettingsAsync(IReadOnlyDictionary<string, string?>? settings)
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Factory = new AlignBotFactory(DatabasePath, Clock, settings, _configureServices);
        Client = Factory.CreateClient();
    }

    /// <summary>Moves the fake clock on and wakes the dispatcher, as the passing of real time would.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Factory.Services.GetRequiredService<AlignBot.Host.Outbox.OutboxSignal>().Notify();
    }

    /// <summary>A real Teams payload from shared/reference with its serviceUrl pointed at the fake connector.</summary>
    public JsonObject Payload(string file, Action<JsonObject>? change = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("teams-payloads", file)))!.AsObject();
        json["serviceUrl"] = Connector.ServiceUrl;
        change?.Invoke(json);
        return json;
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, CancellationToken cancellationToken) =>
        Client.PostAsJsonAsync("/api/messages", activity, cancellationToken);

    public Task<HttpResponseMessage> PostRawAsync(string body, CancellationToken cancellationToken) =>
        Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);

    /// <summary>Runs a query against the host's own database.</summary>
    /// <summary>
    /// Waits until the outbox has nothing left to send (no row pending or on its way): after that, "exactly one such
    /// message" can be asserted without waiting on the wall clock for messages that might still come.
    /// </summary>
    internal async Task OutboxDrainedAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (await QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Outbox, o => o.Status == AlignBot.Data.Outbox.OutboxStatus.Pending || o.Status == AlignBot.Data.Outbox.OutboxStatus.Sending, timeout.Token)))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    internal async Task<T> QueryAsync<T>(Func<AlignBotDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AlignBotDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
