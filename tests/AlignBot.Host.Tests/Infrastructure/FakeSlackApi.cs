using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using AlignBot.Tests.Shared.Http;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// The Slack Web API on loopback, on real HTTP: records every call and answers as Slack does — <c>chat.postMessage</c>
/// with <c>{"ok":true,"channel":...,"ts":...}</c>, <c>conversations.open</c> with the person's direct message,
/// <c>conversations.members</c> page by page, <c>users.info</c> with the profiles a test gives, <c>auth.test</c> — or with
/// the errors a test queues. A token the test revokes gets <c>token_revoked</c>; with a channel limit set, a message to a
/// channel over it gets a 429 with Retry-After (and is counted in <see cref="RateLimited"/>). <c>chat.update</c> and
/// <c>views.publish</c> answer ok; any method can be answered as a test says (<see cref="Answer"/>, which comes first).
/// A form-encoded body (OAuth, the reading methods) is recorded as a JSON object of its fields.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string TeamId = "T0FAKE";
    public const string BotUserId = "UBOT";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackApiRequest> _calls = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Error, TimeSpan? RetryAfter)> _failures = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(HttpStatusCode Status, string Error, TimeSpan? RetryAfter)>> _methodFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _channelBuckets = new(StringComparer.Ordinal);
    private readonly Lock _bucketLock = new();
    private readonly ConcurrentDictionary<string, Func<SlackApiRequest, object>> _answers = new(StringComparer.Ordinal);
    private (int PerSecond, int Burst)? _channelLimit;
    private int _nextTs;
    private int _rateLimited;

    private FakeSlackApi(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base URL to configure as AlignBot:Slack:ApiBaseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The calls a person would see (<c>chat.*</c> messages, <c>views.*</c> modals and the home), in order.</summary>
    public IReadOnlyList<SlackApiRequest> Requests => [.. _calls.Where(c => IsSeen(c.Method))];

    /// <summary>Every call, of every method, in order.</summary>
    public IReadOnlyList<SlackApiRequest> AllCalls => [.. _calls];

    /// <summary>Messages refused with a 429 for going over the channel limit.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>Members a test asks for in a page, so that paging is exercised with few members.</summary>
    public int MembersPageSize { get; set; } = 2;

    public static async Task<FakeSlackApi> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackServer.Create();
        var api = new FakeSlackApi(app);
        app.MapPost("/api/{method}", api.HandleAsync);
        api.BaseUrl = await LoopbackServer.StartAsync(app, cancellationToken) + "/api/";
        return api;
    }

    /// <summary>The people <c>users.info</c> knows by email only: Slack user id → their verified email (null: Slack shares none).</summary>
    public ConcurrentDictionary<string, string?> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>The calls of one Web API method, in order.</summary>
    public IReadOnlyList<SlackApiRequest> CallsOf(string method) => [.. _calls.Where(r => r.Method == method)];

    /// <summary>The calls of one method so far.</summary>
    public IReadOnlyList<SlackApiRequest> Calls(string method) => CallsOf(method);

    /// <summary>From now on <paramref name="method"/> is answered with what <paramref name="answer"/> returns, as JSON.</summary>
    public void Answer(string method, Func<SlackApiRequest, object> answer) => _answers[method] = answer;

    /// <summary>Waits until a call matching <paramref name="match"/> arrived; fails after a generous timeout.</summary>
    public async Task<SlackApiRequest> WaitForAsync(Func<SlackApiRequest, bool> match, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_calls.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"No matching Slack API call among {_calls.Count}: {string.Join(", ", _calls.Select(r => r.Method))}.");
            }
        }
    }

    /// <summary>The next message call (<c>chat.*</c>) gets <c>{"ok":false,"error":...}</c> with this status (and Retry-After); queue several for several.</summary>
    public void FailNext(HttpStatusCode status, string error, TimeSpan? retryAfter = null) => _failures.Enqueue((status, error, retryAfter));

    /// <summary>The next call of <paramref name="method"/> gets this error.</summary>
    public void FailNext(string method, HttpStatusCode status, string error, TimeSpan? retryAfter = null) =>
        _methodFailures.GetOrAdd(method, _ => new()).Enqueue((status, error, retryAfter));

    /// <summary>Every later call with this bot token gets <c>token_revoked</c>.</summary>
    public void Revoke(string botToken) => _revoked[botToken] = 0;

    /// <summary>A person <c>users.info</c> describes.</summary>
    public void AddUser(string userId, string? name = null, string? timeZone = null, string? locale = null, bool isBot = false, bool deleted = false)
    {
        var profile = new JsonObject { ["display_name"] = name ?? "", ["real_name"] = name ?? userId, ["email"] = $"{userId.ToLowerInvariant()}@example.com" };
        var user = new JsonObject { ["id"] = userId, ["team_id"] = TeamId, ["name"] = userId.ToLowerInvariant(), ["is_bot"] = isBot, ["deleted"] = deleted, ["profile"] = profile };
        if (timeZone is not null)
        {
            user["tz"] = timeZone;
            user["tz_offset"] = 3600;
        }

        if (locale is not null)
        {
            user["locale"] = locale;
        }

        _users[userId] = user;
    }

    /// <summary>The members <c>conversations.members</c> lists for a channel.</summary>
    public void SetMembers(string channel, params string[] userIds) => _members[channel] = userIds;

    /// <summary>Enforce Slack's per-channel limit on chat.postMessage: <paramref name="perSecond"/> a second, bursts up to <paramref name="burst"/>.</summary>
    public void LimitChannels(int perSecond, int burst) => _channelLimit = (perSecond, burst);

    private static bool IsSeen(string method) =>
        (method.StartsWith("chat.", StringComparison.Ordinal) && method != "chat.getPermalink") || method.StartsWith("views.", StringComparison.Ordinal);

    /// <summary>Waits until <paramref name="count"/> message calls arrived (real HTTP is asynchronous); fails after a generous timeout.</summary>
    public Task<IReadOnlyList<SlackApiRequest>> WaitForRequestsAsync(int count, CancellationToken cancellationToken) =>
        WaitForAsync(() => Requests, count, "message", cancellationToken);

    /// <summary>Waits until <paramref name="count"/> calls of <paramref name="method"/> arrived.</summary>
    public Task<IReadOnlyList<SlackApiRequest>> WaitForCallsAsync(string method, int count, CancellationToken cancellationToken) =>
        WaitForAsync(() => [.. _calls.Where(c => c.Method == method)], count, method, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<IReadOnlyList<SlackApiRequest>> WaitForAsync(Func<IReadOnlyList<SlackApiRequest>> calls, int count, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (calls().Count < count)
        {
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Expected {count} Slack {what} calls, got {calls().Count}.");
            }
        }

        return calls();
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        var authorization = http.Request.Headers.Authorization.ToString();
        var request = new SlackApiRequest(method, body, authorization, http.Request.ContentType ?? "");
        _calls.Enqueue(request);
        var queue = _methodFailures.TryGetValue(method, out var forMethod) && !forMethod.IsEmpty ? forMethod : method.StartsWith("chat.", StringComparison.Ordinal) ? _failures : null;
        if (queue is not null && queue.TryDequeue(out var failure))
        {
            await FailAsync(http, failure.Status, failure.Error, failure.RetryAfter);
            return;
        }

        if (_revoked.ContainsKey(authorization.Replace("Bearer ", "", StringComparison.Ordinal)))
        {
            await FailAsync(http, HttpStatusCode.OK, "token_revoked", null);
            return;
        }

        if (_answers.TryGetValue(method, out var answerOf))
        {
            await http.Response.WriteAsJsonAsync(answerOf(request), http.RequestAborted);
            return;
        }

        var channel = (string?)body?["channel"];
        if (method == "chat.postMessage" && channel is not null && !TakeChannelToken(channel))
        {
            Interlocked.Increment(ref _rateLimited);
            await FailAsync(http, HttpStatusCode.TooManyRequests, "ratelimited", TimeSpan.FromSeconds(1));
            return;
        }

        JsonObject answer = method switch
        {
            "auth.test" => new() { ["ok"] = true, ["url"] = "https://fake.slack.com/", ["team"] = "Fake Co", ["team_id"] = TeamId, ["user"] = "alignbot", ["user_id"] = BotUserId, ["bot_id"] = "B0FAKE" },
            "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + (string?)body?["users"] } },
            "conversations.members" => MembersPage(channel ?? "", (string?)body?["cursor"]),
            "users.info" => UserInfo((string?)body?["user"] ?? ""),
            "views.publish" => new() { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + Interlocked.Increment(ref _nextTs), ["type"] = "home" } },
            "chat.update" => new() { ["ok"] = true, ["channel"] = channel, ["ts"] = (string?)body?["ts"] },
            "chat.getPermalink" => new() { ["ok"] = true, ["channel"] = channel, ["permalink"] = $"https://fake.slack.com/archives/{channel}/p{((string?)body?["message_ts"] ?? "").Replace(".", "", StringComparison.Ordinal)}" },
            "users.lookupByEmail" => _users.Values.FirstOrDefault(u => (string?)u["profile"]?["email"] == (string?)body?["email"]) is { } byEmail
                ? new() { ["ok"] = true, ["user"] = byEmail.DeepClone() }
                : new() { ["ok"] = false, ["error"] = "users_not_found" },
            _ => new() { ["ok"] = true, ["channel"] = channel, ["ts"] = $"1700000000.{Interlocked.Increment(ref _nextTs):D6}" },
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString(), http.RequestAborted);
    }

    /// <summary>JSON bodies as they come; a form (Slack's reading methods) as a JSON object of its fields.</summary>
    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            return fields;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private JsonObject UserInfo(string userId)
    {
        if (_users.TryGetValue(userId, out var user))
        {
            return new() { ["ok"] = true, ["user"] = user.DeepClone() };
        }

        if (Users.TryGetValue(userId, out var email))
        {
            var profile = new JsonObject { ["real_name"] = userId };
            if (email is not null)
            {
                profile["email"] = email;
            }

            return new() { ["ok"] = true, ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["deleted"] = false, ["profile"] = profile } };
        }

        return new() { ["ok"] = false, ["error"] = "user_not_found" };
    }

    private JsonObject MembersPage(string channel, string? cursor)
    {
        var all = _members.GetValueOrDefault(channel, []);
        var start = int.TryParse(cursor, CultureInfo.InvariantCulture, out var at) ? at : 0;
        var page = all.Skip(start).Take(MembersPageSize).ToArray();
        var next = start + page.Length < all.Length ? (start + page.Length).ToString(CultureInfo.InvariantCulture) : "";
        return new()
        {
            ["ok"] = true,
            ["members"] = new JsonArray([.. page.Select(id => (JsonNode)JsonValue.Create(id))]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        };
    }

    /// <summary>
    /// A token bucket per channel that fills continuously (half a token of slack for the network's jitter): Slack's
    /// "about one message a second per channel, short bursts allowed".
    /// </summary>
    private bool TakeChannelToken(string channel)
    {
        if (_channelLimit is not { } limit)
        {
            return true;
        }

        lock (_bucketLock)
        {
            var now = TimeProvider.System.GetUtcNow();
            var (tokens, at) = _channelBuckets.GetValueOrDefault(channel, (limit.Burst, now));
            tokens = Math.Min(limit.Burst, tokens + ((now - at).TotalSeconds * limit.PerSecond));
            if (tokens < 0.5)
            {
                _channelBuckets[channel] = (tokens, now);
                return false;
            }

            _channelBuckets[channel] = (tokens - 1, now);
            return true;
        }
    }

    private static async Task FailAsync(HttpContext http, HttpStatusCode status, string error, TimeSpan? retryAfter)
    {
        http.Response.StatusCode = (int)status;
        if (retryAfter is { } after)
        {
            http.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        await http.Response.WriteAsJsonAsync(new { ok = false, error }, http.RequestAborted);
    }
}
