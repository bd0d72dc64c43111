using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Tests.Shared;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using AlignBot.Tests.Shared.Http;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// Microsoft Graph on loopback, on real HTTP: answers GET /v1.0/users/{id}/mailboxSettings with the body a test set
/// for that user (the real samples from shared/reference/graph), a 404 for users it does not know, or the failures
/// a test queues (403, 404, 429 with Retry-After, 5xx); records every request.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string Token = "fake-graph-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonNode> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(HttpStatusCode Status, TimeSpan? RetryAfter)>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string Path, string Authorization)> _requests = new();

    private FakeGraph(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The value for AlignBot:Graph:BaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonObject> _users = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<(string Path, string Authorization)> Requests => [.. _requests];

    /// <summary>The settings that turn Graph on and point it here.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AlignBot:Graph:TenantId"] = "tenant-1",
        ["AlignBot:Graph:ClientId"] = "graph-client",
        ["AlignBot:Graph:ClientSecret"] = "graph-secret",
        ["AlignBot:Graph:BaseUrl"] = BaseUrl,
    };

    public static async Task<FakeGraph> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackServer.Create();
        var graph = new FakeGraph(app);
        app.MapGet("/v1.0/users/{id}/mailboxSettings", graph.MailboxSettingsAsync);
        app.MapGet("/v1.0/users/{id}", graph.UserAsync);
        graph.BaseUrl = await LoopbackServer.StartAsync(app, cancellationToken) + "/v1.0";
        return graph;
    }

    /// <summary>A real Graph sample from shared/reference/graph, optionally changed.</summary>
    public static JsonObject Sample(string file, Action<JsonObject>? change = null)
    {
        // The reference samples are JSON objects.
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("graph", file)))!.AsObject();
        change?.Invoke(json);
        return json;
    }

    /// <summary>What GET /users/{aadObjectId}/mailboxSettings returns from now on.</summary>
    public void SetMailbox(string aadObjectId, JsonNode body) => _mailboxes[aadObjectId] = body;

    /// <summary>What GET /users/{aadObjectId} returns from now on (<c>mail</c> and <c>userPrincipalName</c>); unknown users get 404.</summary>
    public void SetUser(string aadObjectId, string? mail, string userPrincipalName) =>
        _users[aadObjectId] = new JsonObject { ["id"] = aadObjectId, ["mail"] = mail, ["userPrincipalName"] = userPrincipalName };

    /// <summary>The next request for this user gets this status instead; queue several for several.</summary>
    public void FailNext(string aadObjectId, HttpStatusCode status, TimeSpan? retryAfter = null) =>
        _failures.GetOrAdd(aadObjectId, _ => new()).Enqueue((status, retryAfter));

    public int RequestsFor(string aadObjectId) => _requests.Count(r => r.Path.Contains($"/users/{aadObjectId}/", StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces the app registration's credential with one that needs no identity platform.</summary>
    public static void UseFakeCredential(IServiceCollection services)
    {
        services.AddSingleton(new AlignBot.Host.Integrations.Graph.GraphCredential(new StaticCredential()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task UserAsync(HttpContext http, string id)
    {
        if (!_users.TryGetValue(id, out var user))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsJsonAsync(new { error = new { code = "Request_ResourceNotFound", message = "User not found" } }, http.RequestAborted);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(user.ToJsonString(), http.RequestAborted);
    }

    private async Task MailboxSettingsAsync(HttpContext http, string id)
    {
        _requests.Enqueue((http.Request.Path.Value ?? "", http.Request.Headers.Authorization.ToString()));
        if (_failures.TryGetValue(id, out var queue) && queue.TryDequeue(out var failure))
        {
            http.Response.StatusCode = (int)failure.Status;
            if (failure.RetryAfter is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            await http.Response.WriteAsJsonAsync(new { error = new { code = Code(failure.Status), message = "queued failure" } }, http.RequestAborted);
            return;
        }

        if (!_mailboxes.TryGetValue(id, out var body))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsJsonAsync(new { error = new { code = "ResourceNotFound", message = "User not found" } }, http.RequestAborted);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private static string Code(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => "ErrorAccessDenied",
        HttpStatusCode.NotFound => "MailboxNotEnabledForRESTAPI",
        HttpStatusCode.TooManyRequests => "ApplicationThrottled",
        _ => "generalException",
    };

    private sealed class StaticCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
