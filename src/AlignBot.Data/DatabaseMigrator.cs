using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data;

/// <summary>
/// Applies the provider's migrations at start — the app's tables and the Quartz job store's
/// (docs/adr/0001-quartz-schema.md), so the scheduler finds its schema before it starts. On SQLite it also
/// switches on write-ahead logging; on PostgreSQL, instances starting together take turns.
/// </summary>
internal sealed class DatabaseMigrator(AlignBotDbContext db, StorageSelection storage)
{
    /// <summary>The PostgreSQL advisory lock migrations run under; its key is "AlignBot" in ASCII (0x416C69676E426F74).</summary>
    private const string LockSql = "SELECT pg_advisory_lock(4714258802902462324)";

    private const string UnlockSql = "SELECT pg_advisory_unlock(4714258802902462324)";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (storage.Provider == StorageProvider.Postgres)
        {
            await MigratePostgresAsync(cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public Task<bool> CanConnectAsync(CancellationToken cancellationToken) => db.Database.CanConnectAsync(cancellationToken);

    /// <summary>
    /// Npgsql's own migration lock is a table lock that ends with each migration's transaction, so two instances
    /// starting at once can both apply the next migration after the first one commits. A session advisory lock
    /// held for the whole run makes them take turns: the second finds nothing pending. A crashed instance's lock
    /// goes with its connection.
    /// </summary>
    private async Task MigratePostgresAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                // Released even when the start is being cancelled, so the next instance is not kept waiting.
                await db.Database.ExecuteSqlRawAsync(UnlockSql, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
