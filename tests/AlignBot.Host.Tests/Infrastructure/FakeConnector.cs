using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using AlignBot.Tests.Shared.Http;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// A Bot Connector on loopback, on real HTTP: records every request and answers like the service does —
/// an activity id for sends, a conversation id for creates — or with the failures a test queues (429 with
/// Retry-After, 404, 5xx).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(HttpStatusCode Status, TimeSpan? RetryAfter)> _failures = new();
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private int _nextId;

    private FakeConnector(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The service URL to put in activities, with its trailing slash as Teams sends it.</summary>
    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>The members GET .../pagedmembers lists, page by page (the continuation token is the next index).</summary>
    public List<(string Id, string Name, string AadObjectId)> Members { get; } = [];

    /// <summary>The account email the member list gives for a member id (as Teams' <c>email</c>), if any.</summary>
    public Dictionary<string, string> Emails { get; } = [];

    public static async Task<FakeConnector> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackServer.Create();
        var connector = new FakeConnector(app);
        app.Map("/{**path}", connector.HandleAsync);
        connector.ServiceUrl = await LoopbackServer.StartAsync(app, cancellationToken) + "/teams/";
        return connector;
    }

    /// <summary>The next request gets this status (and Retry-After) instead of success; queue several for several.</summary>
    public void FailNext(HttpStatusCode status, TimeSpan? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    /// <summary>Waits until <paramref name="count"/> requests arrived (real HTTP is asynchronous); fails after a generous timeout.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForRequestsAsync(int count, CancellationToken cancellationToken)
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
                Assert.Fail($"Expected {count} connector requests, got {_requests.Count}: {string.Join(", ", _requests.Select(r => r.Method + " " + r.Path))}");
            }
        }

        return Requests;
    }

    /// <summary>Waits for a request that matches; fails after a generous timeout, listing what did arrive.</summary>
    public async Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> match, CancellationToken cancellationToken, Func<string>? context = null)
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
                Assert.Fail("No matching connector request. " + (context?.Invoke() ?? "") + " Requests: " + string.Join(" | ", _requests.Select(r => $"{r.Method} {r.Path} {r.VisibleText}")));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var request = new ConnectorRequest(
            http.Request.Method,
            Uri.UnescapeDataString(http.Request.Path.Value ?? ""),
            string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body),
            http.Request.Headers.Authorization.ToString())
        {
            Content = (http.Request.ContentType, http.Request.ContentLength),
        };
        _requests.Enqueue(request);

        if (_failures.TryDequeue(out var failure))
        {
            http.Response.StatusCode = (int)failure.Status;
            if (failure.RetryAfter is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await http.Response.WriteAsJsonAsync(new { error = new { code = "Fake", message = "queued failure" } }, http.RequestAborted);
            return;
        }

        if (request.Method == "GET" && request.Path.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            var pageSize = int.Parse(http.Request.Query["pageSize"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var from = int.TryParse(http.Request.Query["continuationToken"].ToString(), out var token) ? token : 0;
            var page = Members.Skip(from).Take(pageSize).Select(m => new { id = m.Id, name = m.Name, aadObjectId = m.AadObjectId, email = Emails.GetValueOrDefault(m.Id) }).ToList();
            var next = from + page.Count < Members.Count ? (from + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            await http.Response.WriteAsJsonAsync(new { continuationToken = next, members = page }, http.RequestAborted);
            return;
        }

        if (request.Method == "GET" && request.Path.Contains("/members/", StringComparison.Ordinal))
        {
            var memberId = request.Path[(request.Path.LastIndexOf("/members/", StringComparison.Ordinal) + "/members/".Length)..];
            var known = Members.Where(m => m.Id == memberId).Select(m => new { id = m.Id, name = m.Name, aadObjectId = m.AadObjectId, email = Emails.GetValueOrDefault(m.Id) }).FirstOrDefault();
            http.Response.StatusCode = known is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            await http.Response.WriteAsJsonAsync((object?)known ?? new { error = new { code = "MemberNotFoundInConversation" } }, http.RequestAborted);
            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        if (request.Method == "POST" && request.Path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            await http.Response.WriteAsJsonAsync(new { id = $"a:created-{id}" }, http.RequestAborted);
            return;
        }

        if (request.Method == "DELETE")
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await http.Response.WriteAsJsonAsync(new { id = $"activity-{id}" }, http.RequestAborted);
    }
}
