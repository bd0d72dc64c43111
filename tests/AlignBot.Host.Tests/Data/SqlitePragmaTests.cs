using System.Data.Common;
using AlignBot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data;

/// <summary>
/// Every connection the bot uses on SQLite commits without waiting for a disk flush and waits for the write lock instead
/// of failing at once, however many times the pool has handed its database handle out before.
/// </summary>
public sealed class SqlitePragmaTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task EveryOpen_FirstAndReopenedFromThePool_HasThePragmas()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(StorageProvider.Sqlite, await storage.ConnectionStringAsync(StorageProvider.Sqlite, cancellationToken));
        for (var open = 0; open < 3; open++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var connection = db.Database.GetDbConnection();
                Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous", cancellationToken)); // NORMAL
                Assert.Equal(30000L, await ScalarAsync(connection, "PRAGMA busy_timeout", cancellationToken));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
