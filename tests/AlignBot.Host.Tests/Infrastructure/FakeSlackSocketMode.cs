using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Tests.Shared.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// Slack's Socket Mode on loopback, on a real WebSocket: <c>apps.connections.open</c> on the <see cref="FakeSlackApi"/>
/// answers with this server's ws:// address; each connection gets <c>hello</c>, then whatever envelopes the test sends;
/// every message AlignBot sends back (its acks) is recorded. The test can also ask for a fresh connection
/// (<c>disconnect</c>) or cut the current one without a close handshake, as a network failure does.
/// </summary>
public sealed class FakeSlackSocketMode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Connection> _connections = [];
    private readonly ConcurrentQueue<JsonObject> _acks = new();
    private readonly Lock _lock = new();
    private int _closedCleanly;

    private FakeSlackSocketMode(WebApplication app)
    {
        _app = app;
    }

    public int ConnectionCount
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    public IReadOnlyList<JsonObject> Acks => [.. _acks];

    /// <summary>How many connections AlignBot closed with a close handshake (a clean stop), not by vanishing.</summary>
    public int ClosedCleanly => Volatile.Read(ref _closedCleanly);

    public static async Task<FakeSlackSocketMode> StartAsync(FakeSlackApi api, CancellationToken cancellationToken)
    {
        var app = LoopbackServer.Create();
        var fake = new FakeSlackSocketMode(app);
        app.UseWebSockets();
        app.Map("/link", fake.AcceptAsync);
        var wsBase = (await LoopbackServer.StartAsync(app, cancellationToken)).Replace("http://", "ws://", StringComparison.Ordinal);
        var tickets = 0;
        api.Answer("apps.connections.open", _ => new { ok = true, url = $"{wsBase}/link?ticket={Interlocked.Increment(ref tickets)}" });
        return fake;
    }

    /// <summary>Waits until the <paramref name="number"/>th connection is open and has had its hello.</summary>
    public async Task WaitForConnectionAsync(int number, CancellationToken cancellationToken) =>
        await WaitUntilAsync(() => ConnectionCount >= number, $"connection {number}", cancellationToken);

    /// <summary>Sends an envelope on the newest connection.</summary>
    public Task SendAsync(object envelope, CancellationToken cancellationToken) => Newest().SendAsync(JsonSerializer.Serialize(envelope), cancellationToken);

    /// <summary>An Events API envelope around <paramref name="payload"/>, as Slack sends one.</summary>
    public Task SendEventAsync(string envelopeId, JsonNode payload, CancellationToken cancellationToken, int retryAttempt = 0) =>
        SendAsync(new { envelope_id = envelopeId, payload, type = "events_api", accepts_response_payload = false, retry_attempt = retryAttempt, retry_reason = retryAttempt > 0 ? "timeout" : "" }, cancellationToken);

    /// <summary>Slack's "please reconnect": a disconnect message on the newest connection.</summary>
    public Task RequestReconnectAsync(CancellationToken cancellationToken) =>
        SendAsync(new { type = "disconnect", reason = "refresh_requested", debug_info = new { host = "fake" } }, cancellationToken);

    /// <summary>Cuts the newest connection with no close handshake.</summary>
    public void Drop() => Newest().Http.Abort();

    /// <summary>Waits until AlignBot has closed <paramref name="count"/> connections with a close handshake.</summary>
    public Task WaitForCleanCloseAsync(int count, CancellationToken cancellationToken) =>
        WaitUntilAsync(() => ClosedCleanly >= count, $"{count} clean closes", cancellationToken);

    public async Task<JsonObject> WaitForAckAsync(string envelopeId, CancellationToken cancellationToken)
    {
        await WaitUntilAsync(() => _acks.Any(a => (string?)a["envelope_id"] == envelopeId), $"the ack of {envelopeId}", cancellationToken);
        return _acks.First(a => (string?)a["envelope_id"] == envelopeId);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Waited in vain for {what}.");
            }
        }
    }

    private Connection Newest()
    {
        lock (_lock)
        {
            return _connections.Count > 0 ? _connections[^1] : throw new InvalidOperationException("No Socket Mode connection yet.");
        }
    }

    private async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(socket, http);
        await connection.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake"},"connection_info":{"app_id":"A111"}}""", http.RequestAborted);
        lock (_lock)
        {
            _connections.Add(connection);
        }

        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, http.RequestAborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        if (result.CloseStatus == WebSocketCloseStatus.NormalClosure)
                        {
                            Interlocked.Increment(ref _closedCleanly);
                        }

                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (JsonNode.Parse(message.ToArray()) is JsonObject ack)
                {
                    _acks.Enqueue(ack);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Dropped by the test, or the host stopping.
        }
    }

    private sealed class Connection(WebSocket socket, HttpContext http)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public HttpContext Http => http;

        public async Task SendAsync(string text, CancellationToken cancellationToken)
        {
            await _send.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
