using System.Diagnostics;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Bench;

/// <summary>
/// N proactive 1:1 messages through the outbox dispatcher to a connector that enforces Teams' limits. Each message is
/// two requests (create the 1:1 conversation, send), both counted against the tenant's 50 requests per second.
/// </summary>
internal static class OutboxBench
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var messages = arguments.Int("messages", 10_000);
        var tenants = arguments.Int("tenants", 10);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await using var teams = new FakeTeamsService(enforceLimits: true);
        await teams.StartAsync(stop.Token);
        var (app, _) = await BenchHost.StartAsync(new() { ["AlignBot:Outbox:PollInterval"] = "00:00:00.200" }, stop.Token);
        await using var _ = app;

        var watch = Stopwatch.StartNew();
        const int batch = 1000;
        for (var start = 0; start < messages; start += batch)
        {
            var rows = Enumerable.Range(start, Math.Min(batch, messages - start)).Select(i =>
            {
                var tenant = i % tenants;
                var via = new ConversationRef(Platform.Teams, $"tenant-{tenant}", "", ConversationKind.Personal, teams.ServiceUrl(tenant));
                return OutboundMessage.SendToUser(via, new UserRef(Platform.Teams, $"29:user-{i}"), MessageContent.FromText($"bench message {i}"), key: $"bench:{i}");
            });
            await OutboxWriter.WriteAloneAsync(app.Services, rows, stop.Token);
            app.Services.GetRequiredService<OutboxSignal>().Notify();
        }

        var enqueued = watch.Elapsed;
        var ceilingRequestsPerSecond = 50.0 * tenants;
        var deadline = TimeSpan.FromSeconds(messages * 2 / ceilingRequestsPerSecond * 3 + 60);
        while (teams.Received.Count < messages && watch.Elapsed < deadline)
        {
            await Task.Delay(100, stop.Token);
        }

        var elapsed = watch.Elapsed;
        await Task.Delay(2000, stop.Token); // let stragglers (duplicates, if any) arrive before counting
        var delivered = teams.Received.Count;
        var duplicated = teams.Received.Values.Sum(n => n - 1);
        var requests = teams.Requests;
        var successfulRequests = requests - teams.Throttled;
        var seconds = teams.ActiveSpan.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

        Console.WriteLine($"outbox benchmark: {messages:N0} proactive 1:1 messages, {tenants} tenant(s), Teams limits enforced by the fake connector");
        Console.WriteLine($"  enqueued in                 {enqueued.TotalSeconds:F1} s");
        Console.WriteLine($"  delivered                   {delivered:N0} in {seconds:F1} s (first request to last delivery; sending starts while later batches are still being written)");
        Console.WriteLine($"  requests                    {requests:N0} ({teams.Throttled:N0} answered 429 = {100.0 * teams.Throttled / Math.Max(1, requests):F2} %)");
        Console.WriteLine($"  achieved                    {successfulRequests / seconds:F1} requests/s = {delivered / seconds:F1} messages/s");
        Console.WriteLine($"  ceiling                     {ceilingRequestsPerSecond:F0} requests/s ({tenants} × 50/s per tenant) = {ceilingRequestsPerSecond / 2:F0} messages/s");
        Console.WriteLine($"  fraction of ceiling         {100.0 * successfulRequests / seconds / ceilingRequestsPerSecond:F1} %");
        Console.WriteLine($"  lost                        {messages - delivered:N0}");
        Console.WriteLine($"  duplicated                  {duplicated:N0}");
        Console.WriteLine($"  peak working set (bench process: host + fake connector) {peak:F0} MB");
        return delivered == messages && duplicated == 0 ? 0 : 1;
    }
}
