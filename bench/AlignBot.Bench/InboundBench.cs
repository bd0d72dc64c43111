using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AlignBot.Bench;

/// <summary>
/// Inbound POST /api/messages through the full pipeline (de-duplication, capture, routing, outbox, the reply through
/// the connector): concurrent keep-alive clients, 2,000 users in 100 tenants, for a fixed time.
/// </summary>
internal static class InboundBench
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var seconds = arguments.Int("seconds", 10);
        var concurrency = arguments.Int("concurrency", 32);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await using var teams = new FakeTeamsService(enforceLimits: false);
        await teams.StartAsync(stop.Token);
        var (app, baseUrl) = await BenchHost.StartAsync(new() { ["AlignBot:Outbox:PollInterval"] = "00:00:00.200" }, stop.Token);
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var latencies = new List<double>[concurrency];
        var sent = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var n = Interlocked.Increment(ref sent);
                var activity = Activity(n, teams);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/messages", activity, stop.Token);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }
        });
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        while (teams.Requests < sent && watch.Elapsed.TotalSeconds < elapsed + 60)
        {
            await Task.Delay(100, stop.Token);
        }

        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine($"inbound benchmark: {concurrency} concurrent clients for {seconds} s, 2,000 users in 100 tenants, SQLite");
        Console.WriteLine($"  requests                    {all.Count:N0} ({all.Count / elapsed:F0} req/s)");
        Console.WriteLine($"  latency p50 / p99           {Percentile(all, 0.50):F1} ms / {Percentile(all, 0.99):F1} ms");
        Console.WriteLine($"  replies received            {teams.Requests:N0} (one per request expected)");
        return teams.Requests == all.Count ? 0 : 1;
    }

    private static JsonObject Activity(int n, FakeTeamsService teams)
    {
        var user = n % 2000;
        var tenant = user % 100;
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"bench-{n}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = teams.ServiceUrl(tenant),
            ["text"] = "help",
            ["from"] = new JsonObject { ["id"] = $"29:user-{user}", ["name"] = $"User {user}" },
            ["recipient"] = new JsonObject { ["id"] = "28:alignbot" },
            ["conversation"] = new JsonObject { ["id"] = $"a:user-{user}", ["conversationType"] = "personal", ["tenantId"] = $"tenant-{tenant}" },
        };
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
