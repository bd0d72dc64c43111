using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Api;
using Microsoft.Extensions.Logging;

namespace AlignBot.Channels.Slack.Socket;

/// <summary>
/// Slack's Socket Mode, the way to receive events with no public URL: <c>apps.connections.open</c> with the app token
/// (xapp-...) gives a WebSocket address; on it Slack sends <c>hello</c>, then envelopes, each to be acknowledged by its
/// <c>envelope_id</c> (with a payload when the handler answers one), and <c>disconnect</c> when it wants the client to
/// move to a fresh connection, which is opened at once. A dropped connection (a network blip, Slack closing without a
/// word) is reopened after a <see cref="ReconnectBackoff"/> that grows with each failure in a row and starts over after
/// a <c>hello</c>. Envelopes are handled concurrently, so one slow delivery does not hold up the ones behind it, and each
/// is acknowledged only once handled: one that fails is left unacknowledged and Slack delivers it again.
/// No signing secret is involved: Slack signs HTTP requests, while this socket is authenticated by the app token itself.
/// </summary>
internal sealed class SlackSocketModeClient(SlackWebApiClient api, string appToken, ReconnectBackoff backoff, TimeProvider clock, ILogger<SlackSocketModeClient> logger)
{
    /// <summary>Larger messages are not Slack's (its payloads are well under this): the connection is dropped and reopened.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private enum ConnectionEnd
    {
        Disconnect,
        Dropped,
    }

    /// <summary>Keeps a connection open until <paramref name="stoppingToken"/> is cancelled, handing every delivery to <paramref name="handle"/>.</summary>
    public async Task RunAsync(Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handle, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            ConnectionEnd end;
            try
            {
                end = await ConnectOnceAsync(handle, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                SocketModeLog.ConnectionFailed(logger, ex);
                end = ConnectionEnd.Dropped;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (end == ConnectionEnd.Disconnect)
            {
                continue; // Slack asked for a new connection: no reason to wait
            }

            failures++;
            var delay = backoff.Delay(failures);
            SocketModeLog.Reconnecting(logger, failures, delay);
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handle, Action hello, CancellationToken stoppingToken)
    {
        var (url, response) = await api.OpenSocketConnectionAsync(appToken, stoppingToken);
        if (url is null)
        {
            SocketModeLog.OpenRefused(logger, (int)response.StatusCode, response.Error ?? "no url");
            return ConnectionEnd.Dropped;
        }

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, stoppingToken);
        SocketModeLog.Connected(logger, url.Host);
        using var sendLock = new SemaphoreSlim(1, 1);
        var inFlight = new List<Task>();

        // Cancelling a WebSocket read or write aborts the connection, so the socket never sees the stopping token
        // itself: stopping sends a close frame instead and waits for Slack's answering one, giving up (and aborting)
        // only if it hasn't come within a couple of seconds.
        using var connection = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        Task? closing = null;
        using var stopping = stoppingToken.Register(() =>
        {
            connection.CancelAfter(TimeSpan.FromSeconds(2));
            closing = CloseOnStopAsync(socket, sendLock, connection.Token);
        });
        try
        {
            return await ReceiveAsync(socket, sendLock, inFlight, handle, hello, connection.Token, stoppingToken);
        }
        finally
        {
            // Deliveries already being handled finish first, so their acks go out on the connection they came on.
            await Task.WhenAll(inFlight);
            if (closing is not null)
            {
                await closing;
            }

            await CloseAsync(socket);
        }
    }

    private async Task<ConnectionEnd> ReceiveAsync(
        ClientWebSocket socket, SemaphoreSlim sendLock, List<Task> inFlight, Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handle, Action hello, CancellationToken connectionToken, CancellationToken stoppingToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(16 * 1024), connectionToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (!stoppingToken.IsCancellationRequested)
                    {
                        SocketModeLog.ClosedBySlack(logger, socket.CloseStatus?.ToString() ?? "none");
                    }

                    return ConnectionEnd.Dropped;
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    SocketModeLog.Invalid(logger, "a message over 1 MB");
                    return ConnectionEnd.Dropped;
                }
            }
            while (!result.EndOfMessage);

            inFlight.RemoveAll(t => t.IsCompleted);
            switch (SocketModeEnvelope.Parse(buffer.WrittenSpan))
            {
                case null:
                    SocketModeLog.Invalid(logger, "not a JSON envelope");
                    break;
                case { Type: SocketModeEnvelope.Hello }:
                    hello();
                    SocketModeLog.Hello(logger);
                    break;
                case { Type: SocketModeEnvelope.Disconnect } disconnect:
                    SocketModeLog.Disconnect(logger, disconnect.Reason ?? "none");
                    return ConnectionEnd.Disconnect;
                case { EnvelopeId: null } envelope:
                    SocketModeLog.Invalid(logger, $"a '{envelope.Type}' envelope without an envelope_id");
                    break;
                case var envelope:
                    inFlight.Add(HandleAsync(socket, sendLock, envelope, handle, connectionToken, stoppingToken));
                    break;
            }
        }
    }

    private async Task HandleAsync(
        ClientWebSocket socket, SemaphoreSlim sendLock, SocketModeEnvelope envelope, Func<SocketModeEnvelope, CancellationToken, Task<JsonNode?>> handle, CancellationToken connectionToken, CancellationToken stoppingToken)
    {
        // Off the receive loop at once: the loop goes back to reading while this delivery is handled.
        await Task.Yield();
        try
        {
            var answer = await handle(envelope, stoppingToken);
            var ack = new JsonObject { ["envelope_id"] = envelope.EnvelopeId };
            if (answer is not null && envelope.AcceptsResponsePayload)
            {
                ack["payload"] = answer;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(ack.ToJsonString());
            await sendLock.WaitAsync(connectionToken);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, connectionToken);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || connectionToken.IsCancellationRequested)
        {
            // Stopping: Slack delivers what was not acknowledged again, to whichever instance is connected.
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            SocketModeLog.AckLost(logger, envelope.Type, ex);
        }
#pragma warning disable CA1031 // a failed delivery must not end the connection: it stays unacknowledged and Slack retries it
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SocketModeLog.HandlerFailed(logger, envelope.Type, ex);
        }
    }

    /// <summary>The close frame of a clean stop, sent between acks (one write at a time on a WebSocket).</summary>
    private static async Task CloseOnStopAsync(ClientWebSocket socket, SemaphoreSlim sendLock, CancellationToken connectionToken)
    {
        try
        {
            await sendLock.WaitAsync(connectionToken);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "AlignBot is stopping", connectionToken);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Already closing or gone: nothing more to say to Slack.
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        // CancellationToken.None would let a dead peer hold the stop: a short budget of its own instead.
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", budget.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The connection is going away anyway.
        }
    }
}
