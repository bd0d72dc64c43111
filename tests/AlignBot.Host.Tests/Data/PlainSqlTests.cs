using System.Data;
using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data;

/// <summary>
/// The plain SQL the hot path runs instead of EF: a row read by hand reads exactly as EF reads it, on both databases,
/// and a connection that keeps its statements prepared hands the same statement back, never one still in use.
/// </summary>
public sealed class PlainSqlTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ReadOneAsync_EveryColumnSet_ReadsWhatEfReads(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var userId = "29:" + Guid.NewGuid().ToString("N");
        var written = new PersonRecord
        {
            Platform = Platform.Slack,
            UserId = userId,
            TenantId = "T0001",
            AadObjectId = "aad-1",
            DisplayName = "Dana Seller",
            Locale = "de-DE",
            TimeZone = "Europe/Berlin",
            TimeZoneSource = AvailabilitySource.Mailbox,
            OutOfOfficeFrom = new DateOnly(2026, 12, 21),
            OutOfOfficeUntil = new DateOnly(2027, 1, 4),
            OutOfOfficeSource = AvailabilitySource.Person,
            PersonalConversationId = "D0001",
            Email = "dana@example.test",
            EmailCheckedAt = new DateTimeOffset(2026, 11, 30, 9, 15, 30, 123, TimeSpan.Zero),
            ReachOn = Platform.Teams,
            ServiceUrl = "https://smba.example.test/emea/",
            FirstSeenAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero),
            LastSeenAt = new DateTimeOffset(2026, 11, 30, 10, 0, 0, 456, TimeSpan.Zero),
        };
        var properties = typeof(PersonRecord).GetProperties().Where(p => p.CanWrite).ToList();
        var blank = new PersonRecord();
        Assert.All(properties.Where(p => p.Name != nameof(PersonRecord.Id)), p => Assert.NotEqual(p.GetValue(blank), p.GetValue(written))); // every column is tried

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            db.People.Add(written);
            await db.SaveChangesAsync(cancellationToken);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            var byEf = await db.People.AsNoTracking().SingleAsync(p => p.UserId == userId, cancellationToken);
            var byHand = await PlainSql.ReadOneAsync<PersonRecord>(db, """ "UserId" = @user""", c => c.Parameter("@user", userId, DbType.String), cancellationToken);
            var missing = await PlainSql.ReadOneAsync<PersonRecord>(db, """ "UserId" = @user""", c => c.Parameter("@user", "nobody", DbType.String), cancellationToken);

            Assert.NotNull(byHand);
            Assert.All(properties, p => Assert.Equal(p.GetValue(byEf), p.GetValue(byHand)));
            Assert.Equal(written.LastSeenAt, byHand.LastSeenAt);
            Assert.Null(missing);
        }
    }

    [Fact]
    public async Task Prepare_ConnectionKeepingStatements_HandsTheSameStatementBackAcrossTransactions()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (v INTEGER)";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        PlainSql.KeepPrepared(connection);
        var used = new List<System.Data.Common.DbCommand>();
        for (var i = 0; i < 2; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var insert = PlainSql.Prepare(connection, transaction, "INSERT INTO t VALUES (@v)"))
            {
                insert.Command.Parameter("@v", i + 1);
                await insert.Command.ExecuteNonQueryAsync(cancellationToken);
                used.Add(insert.Command);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await using var outer = PlainSql.Prepare(connection, null, "SELECT sum(v) FROM t");
        await using var nested = PlainSql.Prepare(connection, null, "SELECT sum(v) FROM t");

        Assert.Same(used[0], used[1]);
        Assert.Empty(used[1].Parameters); // given back without the last use's values
        Assert.NotSame(outer.Command, nested.Command); // a statement in use is never handed out twice
        Assert.Equal(3L, await outer.Command.ExecuteScalarAsync(cancellationToken));
    }

    [Fact]
    public async Task Prepare_ConnectionNotKeepingStatements_GivesANewCommandEachTime()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);

        System.Data.Common.DbCommand first;
        await using (var statement = PlainSql.Prepare(connection, null, "SELECT 1"))
        {
            first = statement.Command;
            Assert.Equal(1L, await statement.Command.ExecuteScalarAsync(cancellationToken));
        }

        await using var second = PlainSql.Prepare(connection, null, "SELECT 1");
        Assert.NotSame(first, second.Command);
    }
}
