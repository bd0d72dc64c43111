namespace AlignBot.Data;

/// <summary>
/// Lets one writer at a time into the database when the database takes one writer at a time. SQLite has a single
/// write lock: a second writer that finds it taken does not queue, it sleeps and polls (the SQLite driver sleeps
/// 150 ms between tries), so under load most of a request's time went into those sleeps. Writers in this process
/// queue here instead, in order, and reach SQLite only when the lock is free. PostgreSQL locks rows, not the
/// database: there the gate lets everyone through.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? _semaphore;
    private int _waiting;

    private WriteGate(SemaphoreSlim? semaphore) => _semaphore = semaphore;

    /// <summary>A gate for a database with one writer at a time.</summary>
    public static WriteGate SingleWriter() => new(new SemaphoreSlim(1, 1));

    /// <summary>A gate that never waits, for a database with row-level locking.</summary>
    public static WriteGate Open() => new(null);

    /// <summary>Waits for the turn to write; disposing the result ends it.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (_semaphore is null)
        {
            return default;
        }

        Interlocked.Increment(ref _waiting);
        try
        {
            await _semaphore.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Turn(_semaphore);
    }

    /// <summary>How many writers are queued for their turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Dispose() => _semaphore?.Dispose();

    /// <summary>A writer's turn; ends when disposed.</summary>
    public readonly struct Turn(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
