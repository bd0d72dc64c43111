using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data;

/// <summary>Applies the provider's migrations at start; on SQLite also switches on write-ahead logging.</summary>
internal sealed class DatabaseMigrator(AlignBotDbContext db, StorageSelection storage)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (storage.Provider == StorageProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public Task<bool> CanConnectAsync(CancellationToken cancellationToken) => db.Database.CanConnectAsync(cancellationToken);
}
