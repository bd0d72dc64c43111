using AlignBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Data;

/// <summary>
/// The log is checkpointed beside the writer: after a commit, every frame the writer appended is copied into the
/// database file on the checkpointer's own connection (the writer's own checkpoint is off here, so only it can have done
/// so), and nothing written is lost.
/// </summary>
public sealed class SqliteCheckpointsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Committed_LogCopiedIntoTheDatabaseFile_NothingLost()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("alignbot-checkpoints").FullName, "alignbot.db");
        var connectionString = $"Data Source={path};Pooling=False";
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync(Token);
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        for (var i = 0; i < 200; i++)
        {
            await ExecuteAsync(writer, $"INSERT INTO rows (body) VALUES ('{new string('x', 3000)}')");
        }

        var fileBefore = new FileInfo(path).Length;
        Assert.True(new FileInfo(path + "-wal").Length > 200 * 3000, "The writer's rows are in the log, not yet in the file.");

        var time = new FakeTimeProvider();
        await using var checkpoints = new SqliteCheckpoints(connectionString, NullLogger.Instance, time);
        var checkpointed = checkpoints.NextCheckpoint;
        checkpoints.Committed();
        while (!checkpointed.IsCompleted)
        {
            // The checkpoint waits a moment after the commit (a timer of this clock), then runs on its own thread.
            Token.ThrowIfCancellationRequested();
            time.Advance(SqliteCheckpoints.After);
            await Task.Yield();
        }

        Assert.Equal(1, checkpoints.Completed);
        Assert.True(new FileInfo(path).Length > fileBefore + (200 * 3000), "The log's pages were copied into the database file.");
        await using (var check = writer.CreateCommand())
        {
            // Nothing is left to copy: the log's frames all count as checkpointed.
            check.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await using var reader = await check.ExecuteReaderAsync(Token);
            Assert.True(await reader.ReadAsync(Token));
            Assert.Equal(0, reader.GetInt32(0));
            Assert.Equal(reader.GetInt32(1), reader.GetInt32(2));
        }

        await using var count = writer.CreateCommand();
        count.CommandText = "SELECT count(*) FROM rows";
        Assert.Equal(200L, (long)(await count.ExecuteScalarAsync(Token))!);
    }

    [Fact]
    public async Task NoCommit_NoCheckpoint()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("alignbot-checkpoints").FullName, "alignbot.db");
        var time = new FakeTimeProvider();
        await using var checkpoints = new SqliteCheckpoints($"Data Source={path};Pooling=False", NullLogger.Instance, time);

        time.Advance(SqliteCheckpoints.After * 3);

        Assert.Equal(0, checkpoints.Completed);
        Assert.False(checkpoints.NextCheckpoint.IsCompleted);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Token);
    }
}
