using System.Collections.Concurrent;
using System.Threading.Channels;
using AlignBot.Data.Outbox;

namespace AlignBot.Host.Outbox;

/// <summary>
/// Wakes the dispatcher when new rows were committed or a send finished, so it need not wait for the next poll.
/// A writer that has its committed rows in hand passes them along (<see cref="Notify(IReadOnlyList{OutboxItem})"/>),
/// so a dispatcher that is keeping up sends them without reading them back from the database.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentQueue<OutboxItem> _committed = new();
    private int _unseenRows;

    /// <summary>Rows were committed that the dispatcher must read from the database.</summary>
    public void Notify()
    {
        Interlocked.Exchange(ref _unseenRows, 1);
        Wake();
    }

    /// <summary>A send finished: the dispatcher may start what waited for it.</summary>
    public void Wake() => _channel.Writer.TryWrite(true);

    /// <summary>True (once) when rows were committed that were not handed over.</summary>
    public bool TakeUnseenRows() => Interlocked.Exchange(ref _unseenRows, 0) == 1;

    public void Notify(IReadOnlyList<OutboxItem> committed)
    {
        foreach (var item in committed)
        {
            _committed.Enqueue(item);
        }

        Wake();
    }

    public bool HasCommitted => !_committed.IsEmpty;

    /// <summary>The rows handed over since the last call, oldest first.</summary>
    public List<OutboxItem> TakeCommitted()
    {
        var items = new List<OutboxItem>();
        while (_committed.TryDequeue(out var item))
        {
            items.Add(item);
        }

        items.Sort((a, b) => a.Id.CompareTo(b.Id));
        return items;
    }

    /// <summary>Forgets the rows handed over: the dispatcher is about to read every due row from the database.</summary>
    public void ForgetCommitted() => _committed.Clear();

    /// <summary>Waits for a wake-up or the timeout; true when woken.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, clock, timeoutSource.Token);
        var signal = _channel.Reader.WaitToReadAsync(timeoutSource.Token).AsTask();
        var first = await Task.WhenAny(delay, signal);
        await timeoutSource.CancelAsync();
        var woken = _channel.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
        return woken || first == signal;
    }
}
