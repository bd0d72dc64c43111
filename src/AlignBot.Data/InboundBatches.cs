using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignBot.Data;

/// <summary>
/// Group commit for SQLite: the inbound events that queue while the database is busy are written in one transaction,
/// each in a savepoint of its own, and answered when that transaction commits. SQLite takes one writer at a time and
/// every commit writes whole pages to its log, so one commit for several events costs little more than one for one.
/// Each event runs in a service scope of its own; its <see cref="AlignBotDbContext"/> is the batch's one pooled context on
/// the batch's connection and transaction, its change tracker cleared before each event; an event that fails or is
/// refused is rolled back to its savepoint and the others go on.
/// The outbox dispatcher's claims and sent marks, which come with every message, queue here too and share the commits.
/// PostgreSQL takes many writers at once and does not use this.
/// </summary>
public sealed class InboundBatches : IAsyncDisposable
{
    /// <summary>At most this many events share a commit.</summary>
    public const int MaxBatch = 64;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly WriteGate _gate;
    private readonly string _connectionString;
    private readonly SqlitePragmaInterceptor _pragmas;
    private readonly ILogger<InboundBatches> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private readonly SqliteCheckpoints _checkpoints;
    private SqliteConnection? _connection;
    private PooledDbContextFactory<SqliteAlignBotDbContext>? _contexts;

    /// <param name="pragmas">The pooled contexts' interceptor: contexts configured alike share EF's model and caches.</param>
    internal InboundBatches(IServiceScopeFactory scopes, WriteGate gate, string connectionString, SqlitePragmaInterceptor pragmas, ILogger<InboundBatches> logger)
    {
        _pragmas = pragmas;
        _scopes = scopes;
        _gate = gate;
        _connectionString = connectionString;
        _logger = logger;
        _checkpoints = new SqliteCheckpoints(connectionString, logger);
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the next batch, in a scope whose database context is the batch's, and returns its
    /// result once the batch has committed. The work calls <see cref="BatchedEvent.RollBackAsync"/> to undo what it
    /// wrote and still answer; an exception undoes it too and reaches the caller, and the rest of the batch goes on.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, BatchedEvent, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new Pending(async (services, batched, token) => await work(services, batched, token), cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The host is stopping.");
        }

        return (T)(await pending.Done.Task)!;
    }

    private async Task WriteAsync()
    {
        var stopping = _stopping.Token;
        var batch = new List<(Pending Pending, AsyncServiceScope Scope, object? Result)>(MaxBatch);
        var failedScopes = new List<AsyncServiceScope>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping))
            {
                using var turn = await _gate.EnterAsync(stopping);
                Exception? failed = null;
                SqliteAlignBotDbContext? context = null;
                try
                {
                    var connection = await OpenAsync(stopping);
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(stopping);
                    context = _contexts!.CreateDbContext();
                    await context.Database.UseTransactionAsync(transaction, stopping);
                    while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                    {
                        if (await RunOneAsync(pending, transaction, context, failedScopes, stopping) is { } done)
                        {
                            batch.Add((pending, done.Scope, done.Result));
                        }
                    }

                    await transaction.CommitAsync(stopping);
                    _checkpoints.Committed();
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    failed = ex;
                    DropConnection(); // a failed commit may leave the connection in a state not worth keeping
                    BatchLog.CommitFailed(_logger, batch.Count, ex);
                    while (batch.Count == 0 && _queue.Reader.TryRead(out var waiting))
                    {
                        // The database could not even be opened: the waiting events are answered with the error (their
                        // platforms send them again) rather than kept waiting on a database that is not there.
                        waiting.Done.TrySetException(ex);
                    }
                }

                foreach (var (pending, scope, result) in batch)
                {
                    if (failed is null)
                    {
                        pending.Done.TrySetResult(result);
                    }
                    else
                    {
                        pending.Done.TrySetException(failed);
                    }

                    await scope.DisposeAsync();
                }

                foreach (var scope in failedScopes)
                {
                    await scope.DisposeAsync();
                }

                batch.Clear();
                failedScopes.Clear();
                if (context is not null)
                {
                    // Back to its pool (disposing it again does nothing, so the first scope to end may already have).
                    await context.DisposeAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (pending, scope, _) in batch)
            {
                pending.Done.TrySetCanceled(stopping);
                await scope.DisposeAsync();
            }

            foreach (var scope in failedScopes)
            {
                await scope.DisposeAsync();
            }

            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(stopping);
            }
        }
    }

    /// <summary>One event in its savepoint; null when it failed (its caller has the exception, nothing of it stays).</summary>
    /// <remarks>
    /// Every event of the batch works on the batch's one context, its change tracker cleared first. The container
    /// disposes that context when an event's scope ends, which returns it to its pool: so no scope ends before the batch
    /// has committed, a failed event's neither (it goes to <paramref name="failedScopes"/>).
    /// </remarks>
    private async Task<(AsyncServiceScope Scope, object? Result)?> RunOneAsync(
        Pending pending, SqliteTransaction transaction, SqliteAlignBotDbContext context, List<AsyncServiceScope> failedScopes, CancellationToken stopping)
    {
        if (pending.CancellationToken.IsCancellationRequested)
        {
            pending.Done.TrySetCanceled(pending.CancellationToken);
            return null;
        }

        var scope = _scopes.CreateAsyncScope();
        var savepoint = false;
        try
        {
            context.ChangeTracker.Clear(); // nothing an earlier event of the batch read or wrote is tracked for this one
            scope.ServiceProvider.GetRequiredService<BatchedContext>().Context = context;
            await BatchedEvent.ExecuteAsync(transaction, BatchedEvent.Save, stopping);
            savepoint = true;
            var result = await pending.Work(scope.ServiceProvider, new BatchedEvent(transaction), pending.CancellationToken);
            await BatchedEvent.ExecuteAsync(transaction, BatchedEvent.Release, stopping);
            return (scope, result);
        }
        catch (Exception ex)
        {
            pending.Done.TrySetException(ex);
            failedScopes.Add(scope);
            if (!savepoint)
            {
                throw; // the batch itself is broken: the others are answered with the error too
            }

            await BatchedEvent.ExecuteAsync(transaction, BatchedEvent.RollBack, stopping);
            await BatchedEvent.ExecuteAsync(transaction, BatchedEvent.Release, stopping);
            return null;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open } open)
        {
            return open;
        }

        DropConnection();
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var pragmas = connection.CreateCommand())
        {
            // The log is checkpointed beside the writer (SqliteCheckpoints); its own checkpoint is only the safety net.
            pragmas.CommandText = SqlitePragmaInterceptor.Pragmas + $" PRAGMA wal_autocheckpoint={SqliteCheckpoints.WriterFallbackPages};";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        PlainSql.KeepPrepared(connection); // the same few statements run for every event: parsed once, not every time

        // Pooled like every other context (creating one costs more than most events' work), all on this connection.
        _contexts = new PooledDbContextFactory<SqliteAlignBotDbContext>(
            new DbContextOptionsBuilder<SqliteAlignBotDbContext>().UseSqlite(connection).AddInterceptors(_pragmas).Options);
        _connection = connection;
        return connection;
    }

    private void DropConnection()
    {
        _connection?.Dispose();
        _connection = null;
        _contexts = null; // its contexts belong to that connection
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _writer;
        }
        catch (OperationCanceledException)
        {
        }

        DropConnection();
        await _checkpoints.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed record Pending(Func<IServiceProvider, BatchedEvent, CancellationToken, Task<object?>> Work, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>An event's place in a batch: what it wrote can be undone without touching the others'.</summary>
public sealed class BatchedEvent
{
    internal const string Save = "SAVEPOINT alignbot_event";
    internal const string RollBack = "ROLLBACK TO SAVEPOINT alignbot_event";
    internal const string Release = "RELEASE SAVEPOINT alignbot_event";

    private readonly SqliteTransaction _transaction;

    internal BatchedEvent(SqliteTransaction transaction) => _transaction = transaction;

    /// <summary>Undoes everything this event wrote; it still answers (a refusal, its mistakes) when the batch commits.</summary>
    public async Task RollBackAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(_transaction, RollBack, cancellationToken);
    }

    internal static async Task ExecuteAsync(SqliteTransaction transaction, string savepoint, CancellationToken cancellationToken)
    {
        await using var statement = PlainSql.Prepare(transaction.Connection!, transaction, savepoint);
        await statement.Command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The batch's database context for the scope an event runs in; none outside a batch. The batch owns it.</summary>
internal sealed class BatchedContext
{
    public AlignBotDbContext? Context { get; set; }
}

internal static partial class BatchLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Error, Message = "A batch of {Count} inbound events failed to commit; each is answered with the error and retried by its platform")]
    public static partial void CommitFailed(ILogger logger, int count, Exception exception);
}
