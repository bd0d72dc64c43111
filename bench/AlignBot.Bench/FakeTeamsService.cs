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
/// A Bot Connector on loopback that enforces Teams' published limits the way the service does — per conversation
/// 7 per second, 8 per 2 seconds and 60 per 30 seconds; per tenant 50 per second, over sliding windows — and answers
/// 429 with Retry-After when a sender goes over. Each tenant is a path prefix of the service URL (/t{n}/).
/// </summary>
internal sealed class FakeTeamsService(bool enforceLimits) : IAsyncDisposable
{
    private readonly SlidingWindows _windows = new();
    private readonly ConcurrentDictionary<string, int> _received = new();
    private readonly ConcurrentDictionary<string, int> _postedTo = new();
    private WebApplication? _app;
    private long _requests;
    private long _throttled;
    private long _nextId;
    private long _firstRequest;
    private long _lastDelivery;

    public string BaseUrl { get; private set; } = "";

    public long Requests => Interlocked.Read(ref _requests);

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>From the first request to the last delivered message: the span the send rate is measured over.</summary>
    public TimeSpan ActiveSpan => TimeSpan.FromMilliseconds(Interlocked.Read(ref _lastDelivery) - Interlocked.Read(ref _firstRequest));

    /// <summary>Messages delivered, by their text (the bench makes each text unique).</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    /// <summary>Messages posted per conversation (creating a 1:1 chat is not a message).</summary>
    public IReadOnlyDictionary<string, int> PostedTo => _postedTo;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{tenant}/v3/conversations", async (string tenant, HttpRequest request) =>
        {
            // Creating a 1:1 conversation counts against the tenant and against the conversation with that member.
            var body = await JsonNode.ParseAsync(request.Body);
            return Handle(tenant, "create:" + body?["members"]?[0]?["id"]?.GetValue<string>(), body: null);
        });
        _app.MapPost("/{tenant}/v3/conversations/{conversationId}/activities", async (string tenant, string conversationId, HttpRequest request) =>
            Handle(tenant, conversationId, await JsonNode.ParseAsync(request.Body)));
        _app.MapPost("/{tenant}/v3/conversations/{conversationId}/activities/{activityId}", async (string tenant, string conversationId, HttpRequest request) =>
            Handle(tenant, conversationId, await JsonNode.ParseAsync(request.Body)));
        await _app.StartAsync(cancellationToken);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string ServiceUrl(int tenant) => $"{BaseUrl}/t{tenant}/";

    private IResult Handle(string tenant, string conversation, JsonNode? body)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.CompareExchange(ref _firstRequest, Environment.TickCount64, 0);
        var checks = enforceLimits
            ? new[] { ("tenant", _windows.Allow("tenant:" + tenant, 50, 1000)), ("1s", _windows.Allow("conv1:" + conversation, 7, 1000)), ("2s", _windows.Allow("conv2:" + conversation, 8, 2000)), ("30s", _windows.Allow("conv30:" + conversation, 60, 30000)) }
            : [];
        if (checks.Any(c => !c.Item2))
        {
            if (Interlocked.Increment(ref _throttled) <= 3 && Environment.GetEnvironmentVariable("BENCH_DEBUG") == "1")
            {
                Console.Error.WriteLine($"429 at {Environment.TickCount64} for {conversation} ({string.Join(",", checks.Where(c => !c.Item2).Select(c => c.Item1))})");
            }

            return Results.Json(new { error = new { code = "Throttled" } }, statusCode: 429, contentType: null).WithRetryAfter();
        }

        if (body is not null && conversation.Length > 0)
        {
            _postedTo.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            Interlocked.Exchange(ref _lastDelivery, Environment.TickCount64);
        }

        if (body?["text"]?.GetValue<string>() is { } text)
        {
            _received.AddOrUpdate(text, 1, (_, n) => n + 1);
            Interlocked.Exchange(ref _lastDelivery, Environment.TickCount64);
        }

        var id = Interlocked.Increment(ref _nextId);
        return body is null ? Results.Json(new { id = $"a:created-{id}" }) : Results.Json(new { id = $"activity-{id}" });
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

internal static class RetryAfterResult
{
    public static IResult WithRetryAfter(this IResult result) => new WithHeader(result);

    private sealed class WithHeader(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
