using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AlignBot.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file on a connection and a thread of its own, a moment after
/// the batch writer commits. Left to itself, SQLite checkpoints inside the commit that takes the log past 1,000 pages:
/// that commit then waits for the copy and two disk flushes, and every inbound event queued behind it waits too, while
/// the CPU idles. Here the writer only appends to the log; the copy and the flushes happen beside it. A passive
/// checkpoint never waits for the writer or for readers, and what it cannot copy yet it copies the next time.
/// </summary>
internal sealed class SqliteCheckpoints : IAsyncDisposable
{
    /// <summary>How long after a commit the log is checkpointed: the commits of that moment are copied together.</summary>
    internal static readonly TimeSpan After = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The writer connection's own automatic checkpoint, kept as a safety net: it runs only if these checkpoints fell
    /// this far behind (a log of some 40 MB), so the log cannot grow without bound.
    /// </summary>
    internal const int WriterFallbackPages = 10_000;

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="time">Real time (the application's clock may stand still in tests); a test gives its own.</param>
    public SqliteCheckpoints(string connectionString, ILogger logger, TimeProvider? time = null)
    {
        _connectionString = connectionString;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many checkpoints have run.</summary>
    internal int Completed { get; private set; }

    /// <summary>Completes when the next checkpoint has run: for tests.</summary>
    internal Task NextCheckpoint => Volatile.Read(ref _next).Task;

    /// <summary>The writer committed: the log is checkpointed shortly.</summary>
    public void Committed()
    {
        if (_committed.CurrentCount == 0)
        {
            try
            {
                _committed.Release();
            }
            catch (SemaphoreFullException)
            {
                // Signalled already by a commit a moment ago.
            }
        }
    }

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                await _committed.WaitAsync(stopping);
                await Task.Delay(After, _time, stopping);
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(_connectionString);
                        await connection.OpenAsync(stopping);
                    }

                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    await checkpoint.ExecuteNonQueryAsync(stopping);
                    Completed++;
                    Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
                catch (SqliteException ex)
                {
                    // The next commit tries again; the writer's own checkpoint is the safety net meanwhile.
                    CheckpointLog.Failed(_logger, ex);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
        _committed.Dispose();
    }
}

internal static partial class CheckpointLog
{
    [LoggerMessage(EventId = 1310, Level = LogLevel.Warning, Message = "A checkpoint of the SQLite log failed; the next commit tries again")]
    public static partial void Failed(ILogger logger, Exception exception);
}
