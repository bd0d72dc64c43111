using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Bench;

/// <summary>
/// The Slack Web API on loopback, enforcing Slack's limits the way the bench states them: chat.postMessage about one a
/// second per channel (a token bucket that fills continuously, bursts of 3) and <c>workspacePerSecond</c> across the
/// workspace (a sliding second); conversations.open (Tier 3) 50 and users.info (Tier 4) 100 per sliding minute. Over a
/// limit: 429 with Retry-After: 1. Answers conversations.open with D + the user id, users.info with a person in Berlin.
/// </summary>
internal sealed class FakeSlackService(bool enforceLimits, int workspacePerSecond) : IAsyncDisposable
{
    private const int ChannelBurst = 3;

    private readonly SlidingWindows _windows = new();
    private readonly ConcurrentDictionary<string, (double Tokens, long At)> _buckets = new();
    private readonly ConcurrentDictionary<string, int> _received = new();
    private readonly ConcurrentDictionary<string, long> _calls = new();
    private WebApplication? _app;
    private long _throttled;
    private long _nextTs;
    private long _firstPost;
    private long _lastDelivery;

    public string BaseUrl { get; private set; } = "";

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Calls per method (throttled ones included).</summary>
    public IReadOnlyDictionary<string, long> Calls => _calls;

    /// <summary>Messages delivered, by their text (the bench makes each text unique).</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    /// <summary>From the first chat.postMessage to the last delivered message.</summary>
    public TimeSpan ActiveSpan => TimeSpan.FromMilliseconds(Interlocked.Read(ref _lastDelivery) - Interlocked.Read(ref _firstPost));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/api/{method}", HandleAsync);
        await _app.StartAsync(cancellationToken);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/api/";
    }

    private async Task<IResult> HandleAsync(string method, HttpRequest request)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        var fields = await ReadAsync(request);
        var channel = (string?)fields?["channel"];
        if (method == "chat.postMessage")
        {
            Interlocked.CompareExchange(ref _firstPost, Environment.TickCount64, 0);
        }

        var allowed = !enforceLimits || method switch
        {
            "chat.postMessage" => TakeChannelToken(channel ?? "") && _windows.Allow("workspace:post", workspacePerSecond, 1000),
            "conversations.open" => _windows.Allow("tier3:conversations.open", 50, 60_000),
            "users.info" => _windows.Allow("tier4:users.info", 100, 60_000),
            _ => true,
        };
        if (!allowed)
        {
            Interlocked.Increment(ref _throttled);
            return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: 429).WithRetryAfter();
        }

        switch (method)
        {
            case "conversations.open":
                return Results.Json(new { ok = true, channel = new { id = "D" + (string?)fields?["users"] } });
            case "users.info":
                var user = (string?)fields?["user"] ?? "";
                return Results.Json(new { ok = true, user = new { id = user, name = user.ToLowerInvariant(), tz = "Europe/Berlin", tz_offset = 3600, locale = "en-GB", profile = new { display_name = "Person " + user } } });
            case "auth.test":
                return Results.Json(new { ok = true, team_id = "TBENCH", team = "Bench", user_id = "UBOT", bot_id = "BBOT", url = "https://bench.slack.com/" });
            default:
                if ((string?)fields?["text"] is { } text)
                {
                    _received.AddOrUpdate(text, 1, (_, n) => n + 1);
                    Interlocked.Exchange(ref _lastDelivery, Environment.TickCount64);
                }

                return Results.Json(new { ok = true, channel, ts = $"1700000000.{Interlocked.Increment(ref _nextTs):D6}" });
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            return fields;
        }

        return await JsonNode.ParseAsync(request.Body);
    }

    /// <summary>About one message a second per channel, bursts of <see cref="ChannelBurst"/>: a bucket that fills continuously.</summary>
    private bool TakeChannelToken(string channel)
    {
        var now = Environment.TickCount64;
        var allowed = false;
        _buckets.AddOrUpdate(
            channel,
            _ =>
            {
                allowed = true;
                return (ChannelBurst - 1, now);
            },
            (_, bucket) =>
            {
                var tokens = Math.Min(ChannelBurst, bucket.Tokens + ((now - bucket.At) / 1000.0));
                allowed = tokens >= 1;
                return (allowed ? tokens - 1 : tokens, now);
            });
        return allowed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
