using AlignBot.Data;
using AlignBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data.Outbox;

/// <summary>
/// The OutboxPayloadsApart migration moves every row's message into outbox_payloads: rows waiting to be sent keep their
/// message, and on SQLite the row ids stay AUTOINCREMENT (an id is never given out twice, even after the newest row goes).
/// </summary>
public sealed class OutboxPayloadsMigrationTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Migrate_RowsFromBefore_KeepTheirMessages(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await storage.CreateDatabaseAsync(provider, cancellationToken);
        await using var services = StorageFixture.CreateServices(provider, connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var apart = migrations.FindIndex(m => m.EndsWith("_OutboxPayloadsApart", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[apart - 1], cancellationToken);
        var now = provider == StorageProvider.Postgres ? "now()" : "0";
        var insert =
            $$"""
            INSERT INTO outbox ("Platform", "TenantId", "ConversationId", "Key", "Operation", "Payload", "Status", "Attempts", "CreatedAt", "NextAttemptAt") VALUES
            (1, 't', 'a:1', 'k-1', 0, '["first",true]', 0, 0, {{now}}, {{now}}),
            (1, 't', 'a:2', 'k-2', 0, '["second","Grüße"]', 0, 0, {{now}}, {{now}})
            """;
        await db.Database.ExecuteSqlRawAsync(insert, cancellationToken); // literals per provider, no input

        await migrator.MigrateAsync(cancellationToken: cancellationToken);

        var rows = await db.Outbox.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Key, o.Payload }).ToListAsync(cancellationToken);
        Assert.Equal([("k-1", """["first",true]"""), ("k-2", """["second","Grüße"]""")], rows.Select(r => (r.Key, r.Payload)));
        if (provider == StorageProvider.Sqlite)
        {
            var table = await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'outbox'").SingleAsync(cancellationToken);
            Assert.Contains("AUTOINCREMENT", table, StringComparison.Ordinal);
        }
    }
}
