using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using AlignBot.Tests.Shared.Http;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// The Slack Web API on loopback, on real HTTP: records every call and answers <c>chat.postMessage</c> as Slack does,
/// <c>{"ok":true,"channel":...,"ts":...}</c>, <c>chat.update</c> and <c>views.publish</c> with ok, <c>users.info</c>
/// from <see cref="Users"/> (<c>user_not_found</c> for anyone else), or with the errors a test queues; any method as a
/// test says (<see cref="Answer"/>, which comes first). A form-encoded body (OAuth) is recorded as a JSON object of its fields.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackApiRequest> _requests = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Error, TimeSpan? RetryAfter)> _failures = new();
    private readonly ConcurrentDictionary<string, Func<SlackApiRequest, object>> _answers = new(StringComparer.Ordinal);
    private int _nextTs;

    private FakeSlackApi(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base URL to configure as AlignBot:Slack:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<SlackApiRequest> Requests => [.. _requests];

    public static async Task<FakeSlackApi> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackServer.Create();
        var api = new FakeSlackApi(app);
        app.MapPost("/api/{method}", api.HandleAsync);
        api.BaseUrl = await LoopbackServer.StartAsync(app, cancellationToken) + "/api/";
        return api;
    }

    /// <summary>The people <c>users.info</c> knows: Slack user id → their verified email (null: Slack shares none).</summary>
    public ConcurrentDictionary<string, string?> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>The calls of one Web API method, in order.</summary>
    public IReadOnlyList<SlackApiRequest> CallsOf(string method) => [.. _requests.Where(r => r.Method == method)];

    /// <summary>Waits until a call matching <paramref name="match"/> arrived; fails after a generous timeout.</summary>
    public async Task<SlackApiRequest> WaitForAsync(Func<SlackApiRequest, bool> match, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"No matching Slack API call among {_requests.Count}: {string.Join(", ", _requests.Select(r => r.Method))}.");
            }
        }
    }

    /// <summary>The next call gets <c>{"ok":false,"error":...}</c> with this status (and Retry-After); queue several for several.</summary>
    public void FailNext(HttpStatusCode status, string error, TimeSpan? retryAfter = null) => _failures.Enqueue((status, error, retryAfter));

    /// <summary>From now on <paramref name="method"/> is answered with what <paramref name="answer"/> returns, as JSON.</summary>
    public void Answer(string method, Func<SlackApiRequest, object> answer) => _answers[method] = answer;

    /// <summary>The calls of one method so far.</summary>
    public IReadOnlyList<SlackApiRequest> Calls(string method) => [.. _requests.Where(r => r.Method == method)];

    /// <summary>Waits until <paramref name="count"/> calls arrived (real HTTP is asynchronous); fails after a generous timeout.</summary>
    public async Task<IReadOnlyList<SlackApiRequest>> WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (_requests.Count < count)
        {
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Expected {count} Slack API calls, got {_requests.Count}.");
            }
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var request = new SlackApiRequest(method, ParseBody(body, http.Request.ContentType), http.Request.Headers.Authorization.ToString(), http.Request.ContentType ?? "");
        _requests.Enqueue(request);
        if (_failures.TryDequeue(out var failure))
        {
            http.Response.StatusCode = (int)failure.Status;
            if (failure.RetryAfter is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await http.Response.WriteAsJsonAsync(new { ok = false, error = failure.Error }, http.RequestAborted);
            return;
        }

        if (_answers.TryGetValue(method, out var answerOf))
        {
            await http.Response.WriteAsJsonAsync(answerOf(request), http.RequestAborted);
            return;
        }

        if (method == "users.info")
        {
            var userId = (string?)request.Body?["user"] ?? "";
            object answer = Users.TryGetValue(userId, out var email)
                ? new { ok = true, user = new { id = userId, is_bot = false, deleted = false, profile = email is null ? (object)new { real_name = userId } : new { real_name = userId, email } } }
                : new { ok = false, error = "user_not_found" };
            await http.Response.WriteAsJsonAsync(answer, http.RequestAborted);
            return;
        }

        if (method == "views.publish")
        {
            await http.Response.WriteAsJsonAsync(new { ok = true, view = new { id = "V" + Interlocked.Increment(ref _nextTs), type = "home" } }, http.RequestAborted);
            return;
        }

        if (method == "chat.update")
        {
            await http.Response.WriteAsJsonAsync(new { ok = true, channel = (string?)request.Body?["channel"], ts = (string?)request.Body?["ts"] }, http.RequestAborted);
            return;
        }

        var ts = $"1700000000.{Interlocked.Increment(ref _nextTs):D6}";
        await http.Response.WriteAsJsonAsync(new { ok = true, channel = (string?)request.Body?["channel"], ts }, http.RequestAborted);
    }

    private static JsonNode? ParseBody(string body, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
        {
            return JsonNode.Parse(body);
        }

        var fields = new JsonObject();
        foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
        {
            fields[key] = value.ToString();
        }

        return fields;
    }
}
