using System.Collections.Concurrent;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Outbox;

/// <summary>
/// Delivers outbox rows through each platform's <see cref="IPlatformSender"/>. It keeps the platform limits
/// locally (<see cref="SendLimiter"/>), sends at most one message per conversation at a time (so a
/// conversation's messages arrive in order), retries what the platform says to retry with its Retry-After or an
/// exponential backoff with jitter, never retries a recipient that is gone, records the sent message id, and never
/// sends a row twice: a row is claimed in the database before the call, and a row found claimed after a restart is
/// marked indeterminate instead of being sent again.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IPlatformSender> senders,
    SendLimiter limiter,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger,
    InboundBatches? batches = null) : BackgroundService
{
    private readonly Dictionary<Platform, IPlatformSender> _senders = senders.ToDictionary(s => s.Platform);
    private readonly ConcurrentDictionary<string, byte> _busyConversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly CancellationTokenSource _sendsStopping = new();

    /// <summary>
    /// True when the last look at the database started every due row. Rows committed since then are all there is
    /// to send, so they are taken as handed over; otherwise the database is read, in order, as the one truth.
    /// </summary>
    private volatile bool _caughtUp;

    /// <summary>The earliest time a row waiting in the database falls due, as the last look found it (null: none).</summary>
    private DateTimeOffset? _nextDueAt;

    /// <summary>Counts rows put back for later, so a look at the database that raced with one does not claim to be caught up.</summary>
    private int _putBack;

    private readonly Lock _caughtUpLock = new();

    /// <summary>Sends waiting to be recorded, and whether a writer is recording them (<see cref="RecordSentAsync"/>).</summary>
    private List<(SentOutcome Outcome, TaskCompletionSource Recorded)> _sentQueue = [];

    private bool _writingSent;

    private readonly Lock _sentLock = new();

    /// <summary>
    /// The least time between two looks at the database while rows wait for a conversation limit. Without it every send
    /// that finishes reads back every held-back row (up to a batch), as a broadcast to a busy group chat would.
    /// </summary>
    private static readonly TimeSpan LookAfterLimited = TimeSpan.FromMilliseconds(20);

    /// <summary>When the last look left rows to a conversation limit (real time), or null when it did not.</summary>
    private long? _limitedLookAt;

    private OutboxOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled)
        {
            OutboxLog.Disabled(logger);
            return;
        }

        await RecoverAbandonedAsync(stoppingToken);
        using var concurrency = new SemaphoreSlim(Options.MaxConcurrency);
        var woken = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            Wait wait;
            try
            {
                wait = await DispatchDueAsync(concurrency, woken, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                OutboxLog.LoopFailed(logger, ex);
                wait = Wait.For(Options.PollInterval, clock);
            }

            try
            {
                woken = await signal.WaitAsync(wait.Remaining, wait.Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_inFlight.Values);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var registration = cancellationToken.Register(_sendsStopping.Cancel);
        await Task.WhenAll(_inFlight.Values);
    }

    public override void Dispose()
    {
        _sendsStopping.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Starts every due row that the limits allow now; returns how long to wait before looking again, and on which
    /// clock: the rate limiter keeps real time, the schedule keeps the application's clock.
    /// </summary>
    private async Task<Wait> DispatchDueAsync(SemaphoreSlim concurrency, bool woken, CancellationToken stoppingToken)
    {
        IReadOnlyList<OutboxItem> due;
        int putBackBefore;
        lock (_caughtUpLock)
        {
            putBackBefore = _putBack;
        }

        var unseen = signal.TakeUnseenRows();
        var handedOver = _caughtUp && woken && !unseen;
        if (handedOver)
        {
            // Woken by a hand-over or a finished send while nothing waited in the database: only the handed-over rows are new.
            due = signal.TakeCommitted();
            if (due.Count == 0)
            {
                return UntilKnownDue();
            }
        }
        else
        {
            if (woken && _limitedLookAt is { } limitedAt && TimeProvider.System.GetElapsedTime(limitedAt) is var since && since < LookAfterLimited)
            {
                // The last look left rows to a conversation limit, which frees them a window segment later at the
                // earliest: a send finishing or a row committed meanwhile need not read them all back at once.
                await Task.Delay(LookAfterLimited - since, TimeProvider.System, stoppingToken);
            }

            signal.ForgetCommitted();
            await using var scope = scopes.CreateAsyncScope();
            due = await scope.ServiceProvider.GetRequiredService<OutboxStore>().GetDueAsync(clock.GetUtcNow(), Options.BatchSize, stoppingToken);
        }

        var heldBack = new HashSet<string>(StringComparer.Ordinal);
        var limited = false;
        var started = 0;
        var stillFinishing = false;
        var batch = new List<(OutboxItem Item, string Conversation)>();
        foreach (var item in due)
        {
            if (_inFlight.ContainsKey(item.Id))
            {
                // Read back while its send is still finishing (about to be claimed, or just put back for a retry):
                // the database has to be read again once that send is done.
                stillFinishing = true;
                continue;
            }

            var conversation = item.ConversationKey;
            if (heldBack.Contains(conversation) || _busyConversations.ContainsKey(conversation))
            {
                // Keep the conversation's order: nothing after a held-back row of the same conversation goes first.
                heldBack.Add(conversation);
                continue;
            }

            if (!limiter.TryAcquireConversation(conversation))
            {
                heldBack.Add(conversation);
                limited = true;
                continue;
            }

            if (concurrency.CurrentCount == 0 && batch.Count > 0)
            {
                // The rows picked so far go out before waiting for a free slot: their sends are what frees one.
                started += await StartAsync(batch, concurrency, stoppingToken);
            }

            await concurrency.WaitAsync(stoppingToken);
            _busyConversations[conversation] = 0;
            _inFlight[item.Id] = Task.CompletedTask;
            batch.Add((item, conversation));
        }

        started += await StartAsync(batch, concurrency, stoppingToken);
        _limitedLookAt = limited ? TimeProvider.System.GetTimestamp() : null;

        if (stillFinishing)
        {
            _caughtUp = false;
            return Wait.For(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        if (handedOver)
        {
            // A held-back row waits in the database; reading it back keeps its conversation's order.
            SetCaughtUp(heldBack.Count == 0, putBackBefore);
            return _caughtUp ? UntilKnownDue() : limited ? Wait.For(TimeSpan.FromMilliseconds(100), TimeProvider.System) : Wait.For(TimeSpan.Zero, clock);
        }

        SetCaughtUp(due.Count < Options.BatchSize && heldBack.Count == 0, putBackBefore);
        if (due.Count == Options.BatchSize && heldBack.Count == 0)
        {
            return Wait.For(TimeSpan.Zero, clock);
        }

        // Rows held back by a conversation limit are due again within the limiter's window segment (real time). While
        // sends are under way, each one's end wakes the loop; the next due time is looked up only when it went idle.
        return limited ? Wait.For(TimeSpan.FromMilliseconds(100), TimeProvider.System)
            : started > 0 ? Wait.For(Options.PollInterval, clock)
            : await UntilNextDueAsync(stoppingToken);
    }

    /// <summary>
    /// Claims the picked rows in one statement and starts the send of each one claimed; a row another dispatcher took
    /// meanwhile frees its conversation and its slot. Returns how many sends started.
    /// </summary>
    private async Task<int> StartAsync(List<(OutboxItem Item, string Conversation)> batch, SemaphoreSlim concurrency, CancellationToken stoppingToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        IReadOnlySet<long> claimed;
        try
        {
            var ids = batch.Select(b => b.Item.Id).ToList();
            claimed = await WriteAsync((store, token) => store.ClaimAsync(ids, clock.GetUtcNow() + Options.Lease, token), stoppingToken);
        }
        catch
        {
            foreach (var (item, conversation) in batch)
            {
                Unreserve(item, conversation, concurrency);
            }

            batch.Clear();
            throw;
        }

        var started = 0;
        foreach (var (item, conversation) in batch)
        {
            if (claimed.Contains(item.Id))
            {
                _inFlight[item.Id] = RunAsync(item, conversation, concurrency);
                started++;
            }
            else
            {
                Unreserve(item, conversation, concurrency); // another dispatcher took it
            }
        }

        batch.Clear();
        return started;
    }

    private void Unreserve(OutboxItem item, string conversation, SemaphoreSlim concurrency)
    {
        _busyConversations.TryRemove(conversation, out _);
        _inFlight.TryRemove(item.Id, out _);
        concurrency.Release();
    }

    private async Task RunAsync(OutboxItem item, string conversation, SemaphoreSlim concurrency)
    {
        await Task.Yield();
        try
        {
            await DeliverAsync(item, _sendsStopping.Token);
        }
        catch (Exception ex)
        {
            OutboxLog.SendThrew(logger, ex, item.Id);
        }
        finally
        {
            _busyConversations.TryRemove(conversation, out _);
            _inFlight.TryRemove(item.Id, out _);
            concurrency.Release();
            signal.Wake();
        }
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        await using var lease = new DeliveryStore(scopes);
        var now = clock.GetUtcNow();
        var attempt = item.Attempts + 1;
        var message = item.Message;
        var target = message.TargetActivityId;
        if (target is null && item.TargetKey is { } targetKey)
        {
            var sent = await lease.Store.FindSentAsync(targetKey, cancellationToken);
            if (sent is null || sent.Status is OutboxStatus.RecipientGone or OutboxStatus.Failed or OutboxStatus.Indeterminate)
            {
                await lease.Store.CompleteAsync(item.Id, OutboxStatus.Failed, $"The message to change ({targetKey}) was never sent.", now, cancellationToken);
                return;
            }

            if (sent.ActivityId is not { } activityId)
            {
                // The message to change is still on its way: try again shortly, without counting an attempt.
                await lease.Store.ReleaseAsync(item.Id, now + TimeSpan.FromSeconds(1), cancellationToken);
                PutBack();
                return;
            }

            target = activityId;
            if (sent.OpenedConversationId is { } opened)
            {
                // The message went out as a proactive 1:1: it lives in the chat that call opened.
                message = message with { To = message.To with { ConversationId = opened, Kind = ConversationKind.Personal } };
            }
        }

        if (!_senders.TryGetValue(message.To.Platform, out var sender))
        {
            await lease.Store.CompleteAsync(item.Id, OutboxStatus.Failed, $"No sender is configured for {message.To.Platform}.", now, cancellationToken);
            return;
        }

        var result = await sender.SendAsync(message, target, cancellationToken);
        now = clock.GetUtcNow();
        switch (result)
        {
            case SendResult.Sent sent:
                await RecordSentAsync(new SentOutcome(item.Id, sent, now));
                OutboxLog.Sent(logger, item.Id, message.To.Platform.ToString(), sent.ActivityId);
                break;
            case SendResult.RecipientGone gone:
                await lease.Store.CompleteAsync(item.Id, OutboxStatus.RecipientGone, gone.Reason, now, cancellationToken);
                OutboxLog.RecipientGone(logger, item.Id, gone.Reason);
                break;
            case SendResult.Held held:
                // Not an attempt: the platform was not asked (or refused the credentials, not the message). The row
                // waits, uncounted, and is looked at again later.
                await lease.Store.ReleaseAsync(item.Id, now + held.RecheckAfter, cancellationToken);
                PutBack();
                OutboxLog.Held(logger, item.Id, held.Reason);
                break;
            case SendResult.Throttled throttled when attempt < Options.MaxAttempts:
                var next = now + (throttled.RetryAfter ?? Backoff(attempt));
                await lease.Store.RescheduleAsync(item.Id, next, $"Throttled ({throttled.StatusCode})", cancellationToken);
                PutBack();
                OutboxLog.Throttled(logger, item.Id, throttled.StatusCode, attempt, next);
                break;
            case SendResult.Failed { Retryable: true } failed when attempt < Options.MaxAttempts:
                await lease.Store.RescheduleAsync(item.Id, now + Backoff(attempt), failed.Reason, cancellationToken);
                PutBack();
                OutboxLog.Failed(logger, item.Id, attempt, failed.Reason);
                break;
            default:
                var reason = result switch
                {
                    SendResult.Failed failed => failed.Reason,
                    SendResult.Throttled throttled => $"Still throttled ({throttled.StatusCode})",
                    _ => result.ToString(),
                };
                await lease.Store.CompleteAsync(item.Id, OutboxStatus.Failed, reason, now, cancellationToken);
                OutboxLog.GaveUp(logger, item.Id, attempt, reason);
                break;
        }
    }

    /// <summary>
    /// Records a send, together with the sends that finish while the last ones are being written: one transaction
    /// for all of them. The caller waits until its row is committed as sent, so nothing reads it as still sending
    /// after its conversation is free again.
    /// </summary>
    private Task RecordSentAsync(SentOutcome outcome)
    {
        var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool startWriter;
        lock (_sentLock)
        {
            _sentQueue.Add((outcome, recorded));
            startWriter = !_writingSent;
            _writingSent = true;
        }

        if (startWriter)
        {
            _ = Task.Run(WriteSentAsync);
        }

        return recorded.Task;
    }

    private async Task WriteSentAsync()
    {
        while (true)
        {
            List<(SentOutcome Outcome, TaskCompletionSource Recorded)> batch;
            lock (_sentLock)
            {
                if (_sentQueue.Count == 0)
                {
                    _writingSent = false;
                    return;
                }

                batch = _sentQueue;
                _sentQueue = [];
            }

            try
            {
                var outcomes = batch.Select(b => b.Outcome).ToList();
                await WriteAsync(async (store, token) =>
                {
                    await store.MarkSentAsync(outcomes, token);
                    return true;
                }, _sendsStopping.Token);
                foreach (var (_, recorded) in batch)
                {
                    recorded.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var (_, recorded) in batch)
                {
                    recorded.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>
    /// A claim or a sent mark, which come with every message: on SQLite in the writer's next batch, sharing its commit
    /// with the inbound events and the other writes queued meanwhile; otherwise in a transaction of its own.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<OutboxStore, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        if (batches is not null)
        {
            return await batches.RunAsync((services, _, token) => write(services.GetRequiredService<OutboxStore>(), token), cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        return await write(scope.ServiceProvider.GetRequiredService<OutboxStore>(), cancellationToken);
    }

    /// <summary>
    /// The wait while caught up: until the earliest row the last look saw waiting falls due, or the poll interval.
    /// A row due already sends the loop back to the database (in real time, which passes even on a still clock).
    /// </summary>
    private Wait UntilKnownDue()
    {
        var now = clock.GetUtcNow();
        if (_nextDueAt is not { } at)
        {
            return new Wait(Options.PollInterval, clock, now);
        }

        if (at <= now)
        {
            _caughtUp = false;
            return Wait.For(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        return new Wait(at - now < Options.PollInterval ? at - now : Options.PollInterval, clock, now);
    }

    /// <summary>A row went back to the database for a later attempt: the next look must read the database.</summary>
    private void PutBack()
    {
        lock (_caughtUpLock)
        {
            _putBack++;
            _caughtUp = false;
        }
    }

    /// <summary>Caught up only if no row was put back since the look began (decided under the same lock as a put-back).</summary>
    private void SetCaughtUp(bool sawEverything, int putBackBefore)
    {
        lock (_caughtUpLock)
        {
            _caughtUp = sawEverything && _putBack == putBackBefore;
        }
    }


    /// <summary>Exponential backoff from <see cref="OutboxOptions.BaseBackoff"/>, capped, with ±20 % jitter.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = Options.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, Options.MaxBackoff.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    private async Task<Wait> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var next = await scope.ServiceProvider.GetRequiredService<OutboxStore>().NextDueAtAsync(cancellationToken);
        var now = clock.GetUtcNow();
        _nextDueAt = next;
        if (next is null)
        {
            return new Wait(Options.PollInterval, clock, now);
        }

        var wait = next.Value - now;
        if (wait <= TimeSpan.Zero)
        {
            // A row is due already (it fell due while this look was under way, or its conversation is busy): look
            // again shortly in real time, which passes even when the application's clock stands still.
            return Wait.For(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        return new Wait(wait < Options.PollInterval ? wait : Options.PollInterval, clock, now);
    }

    /// <summary>
    /// How long to wait before looking again, on which clock, counted from <paramref name="From"/>: time that passed
    /// on that clock while the loop was still busy counts, so a due time is never pushed back by the loop's own work.
    /// </summary>
    private readonly record struct Wait(TimeSpan Duration, TimeProvider Clock, DateTimeOffset From)
    {
        public static Wait For(TimeSpan duration, TimeProvider clock) => new(duration, clock, clock.GetUtcNow());

        public TimeSpan Remaining => Duration - (Clock.GetUtcNow() - From) is { Ticks: > 0 } left ? left : TimeSpan.Zero;
    }

    private async Task RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var recovered = await scope.ServiceProvider.GetRequiredService<OutboxStore>().RecoverAbandonedAsync(clock.GetUtcNow(), cancellationToken);
        if (recovered > 0)
        {
            OutboxLog.Recovered(logger, recovered);
        }
    }

    /// <summary>
    /// The outbox store of one delivery, in a service scope opened only when the delivery needs it (a message to change,
    /// a failure, a retry): a plain send's outcome is written through <see cref="RecordSentAsync"/> and needs none.
    /// </summary>
    private sealed class DeliveryStore(IServiceScopeFactory scopes) : IAsyncDisposable
    {
        private AsyncServiceScope? _scope;

        public OutboxStore Store => (_scope ??= scopes.CreateAsyncScope()).ServiceProvider.GetRequiredService<OutboxStore>();

        public ValueTask DisposeAsync() => _scope?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
