using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Bench;

/// <summary>
/// Slack, both ways, through the real host. Out: N direct messages to N people through the outbox dispatcher to a fake
/// Web API enforcing Slack's limits. Either to their known direct messages (<c>--dm known</c>, the usual case: AlignBot
/// keeps a person's DM once they wrote to it or it was opened once) or as proactive 1:1s that open the DM first
/// (<c>--dm open</c>: conversations.open is Tier 3, 50 a minute, so opening is the ceiling there). In: signed
/// POST /slack/events at a fixed concurrency, events per second and the ack time Slack waits for (it gives 3 s).
/// </summary>
internal static class SlackBench
{
    private const string SigningSecret = "bench-signing-secret";

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var people = arguments.Int("people", 1000);
        var workspacePerSecond = arguments.Int("workspace-per-second", 10);
        var open = arguments.Text("dm") == "open";
        var seconds = arguments.Int("seconds", 10);
        var concurrency = arguments.Int("concurrency", 32);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(60));

        var outbound = people <= 0 || await OutboundAsync(people, workspacePerSecond, open, stop.Token);
        var inbound = seconds > 0 ? await InboundAsync(seconds, concurrency, stop.Token) : true;
        return outbound && inbound ? 0 : 1;
    }

    private static async Task<bool> OutboundAsync(int people, int workspacePerSecond, bool open, CancellationToken cancellationToken)
    {
        await using var slack = new FakeSlackService(enforceLimits: true, workspacePerSecond);
        await slack.StartAsync(cancellationToken);
        var (app, _) = await BenchHost.StartAsync(Settings(slack, workspacePerSecond), cancellationToken);
        await using var _ = app;

        var workspace = new ConversationRef(Platform.Slack, "TBENCH", "", ConversationKind.Personal, ServiceUrl: null);
        var watch = Stopwatch.StartNew();
        var rows = Enumerable.Range(0, people).Select(i => open
            ? OutboundMessage.SendToUser(workspace, new UserRef(Platform.Slack, $"U{i:D5}"), MessageContent.FromText($"bench dm {i}"), key: $"bench:{i}")
            : OutboundMessage.Send(workspace with { ConversationId = $"DU{i:D5}" }, MessageContent.FromText($"bench dm {i}"), key: $"bench:{i}"));
        await OutboxWriter.WriteAloneAsync(app.Services, rows, cancellationToken);

        app.Services.GetRequiredService<OutboxSignal>().Notify();
        var enqueued = watch.Elapsed;
        var ceiling = open ? Math.Min(50 / 60.0, workspacePerSecond) : Math.Min(workspacePerSecond, people);
        var deadline = TimeSpan.FromSeconds((people / ceiling * 2) + 60);
        while (slack.Received.Count < people && watch.Elapsed < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        await Task.Delay(2000, cancellationToken); // let stragglers (duplicates, if any) arrive before counting
        var delivered = slack.Received.Count;
        var duplicated = slack.Received.Values.Sum(n => n - 1);
        var span = slack.ActiveSpan.TotalSeconds;
        var rate = delivered / span;
        Console.WriteLine($"slack outbound: {people:N0} direct messages to {people:N0} people in one workspace, Slack's limits enforced by the fake Web API");
        Console.WriteLine(open
            ? "  mode                        --dm open: each a proactive 1:1 (conversations.open, then chat.postMessage in the DM); opening is Tier 3, 50 a minute, and bounds the rate"
            : "  mode                        --dm known: each person's DM is known (they wrote to AlignBot, or it was opened once), so one chat.postMessage each; the workspace's post limit bounds the rate");
        Console.WriteLine($"  enqueued in                 {enqueued.TotalSeconds:F1} s");
        Console.WriteLine($"  delivered                   {delivered:N0} in {span:F1} s (first chat.postMessage to last delivery)");
        Console.WriteLine($"  calls                       {string.Join(", ", slack.Calls.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value:N0}"))}");
        Console.WriteLine($"  answered 429                {slack.Throttled:N0}");
        Console.WriteLine($"  achieved                    {rate:F2} messages/s");
        if (open)
        {
            // A minute's window lets the first 50 go at once: the ceiling is the shortest time N opens can take, not a rate.
            var fastest = 60.0 * ((people - 1) / 50);
            Console.WriteLine($"  ceiling                     {people:N0} opens take at least {fastest:F0} s (conversations.open: 50 a minute per workspace, the first 50 at once)");
            Console.WriteLine($"  fraction of ceiling         {100.0 * fastest / span:F1} % (shortest possible time / time taken)");
        }
        else
        {
            Console.WriteLine($"  ceiling                     {ceiling:F2} messages/s (chat.postMessage: {workspacePerSecond} a second per workspace, 1 a second per channel)");
            Console.WriteLine($"  fraction of ceiling         {100.0 * rate / ceiling:F1} %");
        }

        Console.WriteLine($"  lost                        {people - delivered:N0}");
        Console.WriteLine($"  duplicated                  {duplicated:N0}");
        Console.WriteLine($"  load average at the end     {LoadAverage()}");
        return delivered == people && duplicated == 0;
    }

    private static async Task<bool> InboundAsync(int seconds, int concurrency, CancellationToken cancellationToken)
    {
        // Replies are not what is measured here: the fake does not limit them, and the host may post as fast as it can.
        await using var slack = new FakeSlackService(enforceLimits: false, int.MaxValue);
        await slack.StartAsync(cancellationToken);
        var settings = Settings(slack, 10_000);
        var (app, baseUrl) = await BenchHost.StartAsync(settings, cancellationToken);
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };

        // Warm-up, not measured: the first events of a fresh host pay for compiling its code paths, which Slack would
        // see once per deployment, not per event.
        const int warmUp = 200;
        var warmed = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var n = Interlocked.Increment(ref warmed); n <= warmUp; n = Interlocked.Increment(ref warmed))
            {
                using var request = Signed(Event(1_000_000 + n));
                using var response = await http.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }));
        var warmDeadline = Stopwatch.StartNew();
        while (Posts(slack) < warmUp && warmDeadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50, cancellationToken);
        }

        var warmPosts = Posts(slack);
        var latencies = new List<double>[concurrency];
        var sent = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var n = Interlocked.Increment(ref sent);
                using var request = Signed(Event(n));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request, cancellationToken);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                response.EnsureSuccessStatusCode();
            }
        });
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        while (Posts(slack) - warmPosts < all.Count && watch.Elapsed.TotalSeconds < elapsed + 60)
        {
            await Task.Delay(100, cancellationToken);
        }

        Console.WriteLine($"slack inbound: {concurrency} concurrent clients for {seconds} s after {warmUp} warm-up events, signed POST /slack/events, DMs from 2,000 people, SQLite");
        Console.WriteLine($"  events                      {all.Count:N0} ({all.Count / elapsed:F0} events/s)");
        Console.WriteLine($"  ack time p50 / p99 / max    {Percentile(all, 0.50):F1} ms / {Percentile(all, 0.99):F1} ms / {all.LastOrDefault():F1} ms (Slack retries after 3,000 ms)");
        Console.WriteLine($"  replies received            {Posts(slack) - warmPosts:N0} (one per event expected)");
        Console.WriteLine($"  load average at the end     {LoadAverage()} (the machine's other work shares its cores)");
        return Posts(slack) - warmPosts == all.Count && Percentile(all, 0.99) < 3000;
    }

    private static Dictionary<string, string?> Settings(FakeSlackService slack, int workspacePerSecond) => new()
    {
        ["AlignBot:Outbox:PollInterval"] = "00:00:00.200",
        ["AlignBot:Slack:SigningSecret"] = SigningSecret,
        ["AlignBot:Slack:BotToken"] = "xoxb-bench",
        ["AlignBot:Slack:ApiBaseUrl"] = slack.BaseUrl,
        ["AlignBot:Outbox:SlackPostsPerWorkspacePerSecond"] = workspacePerSecond.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A direct message to the bot, as the Events API delivers it (a unique event id and text each).</summary>
    private static string Event(int n)
    {
        var user = $"U{n % 2000:D5}";
        return new JsonObject
        {
            ["token"] = "unused",
            ["team_id"] = "TBENCH",
            ["api_app_id"] = "ABENCH",
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{n:D8}",
            ["event_time"] = 1_700_000_000,
            ["event"] = new JsonObject
            {
                ["type"] = "message",
                ["channel_type"] = "im",
                ["channel"] = "D" + user,
                ["user"] = user,
                ["team"] = "TBENCH",
                ["text"] = "help",
                ["ts"] = $"1700000000.{n:D6}",
                ["event_ts"] = $"1700000000.{n:D6}",
            },
        }.ToJsonString();
    }

    /// <summary>Signed as Slack signs: v0= HMAC-SHA256 of "v0:timestamp:body" under the signing secret.</summary>
    private static HttpRequestMessage Signed(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{ts}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    private static long Posts(FakeSlackService slack) => slack.Calls.GetValueOrDefault("chat.postMessage");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
