using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data;

/// <summary>
/// Group commit on SQLite: events queued while the database is busy share one transaction, each in its own savepoint.
/// One event failing or undoing its writes leaves the others' writes in place.
/// </summary>
public sealed class InboundBatchesTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_EventsQueuedTogether_OneThrowsOneRollsBack_TheOthersAreCommitted()
    {
        await using var services = StorageFixture.CreateServices(StorageProvider.Sqlite, await storage.ConnectionStringAsync(StorageProvider.Sqlite, Token));
        var batches = services.GetRequiredService<InboundBatches>();
        var gate = services.GetRequiredService<WriteGate>();
        var ids = Enumerable.Range(0, 6).Select(i => $"batched-{i}-{Guid.NewGuid():N}").ToArray();
        Task<string>[] runs;
        using (await gate.EnterAsync(Token))
        {
            // The database is busy: all six queue and go into the same transaction once it is free.
            runs = [.. ids.Select((id, i) => batches.RunAsync(
                async (scope, batched, token) =>
                {
                    Assert.True(await scope.GetRequiredService<InboundDeduplicator>().TryRecordAsync(Platform.Teams, id, token));
                    if (i == 2)
                    {
                        throw new InvalidOperationException("handler failed");
                    }

                    if (i == 4)
                    {
                        await batched.RollBackAsync(token);
                        return "refused";
                    }

                    return "done";
                },
                Token))];
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => runs[2]);
        Assert.Equal("handler failed", failure.Message);
        Assert.Equal("refused", await runs[4]);
        foreach (var i in new[] { 0, 1, 3, 5 })
        {
            Assert.Equal("done", await runs[i]);
        }

        await using var check = services.CreateAsyncScope();
        var recorded = await check.ServiceProvider.GetRequiredService<AlignBotDbContext>().InboundDeliveries
            .Where(d => ids.Contains(d.DeliveryId)).Select(d => d.DeliveryId).ToListAsync(Token);
        Assert.Equal(ids.Where((_, i) => i is 0 or 1 or 3 or 5).Order(StringComparer.Ordinal), recorded.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The events of a batch share one database context, yet none sees what another left tracked: an entity one event
    /// added without saving is not saved by the next event's SaveChanges, and a failed event's saved rows are undone.
    /// </summary>
    [Fact]
    public async Task RunAsync_EventsShareABatch_NoneSavesWhatAnotherLeftTracked()
    {
        await using var services = StorageFixture.CreateServices(StorageProvider.Sqlite, await storage.ConnectionStringAsync(StorageProvider.Sqlite, Token));
        var batches = services.GetRequiredService<InboundBatches>();
        var gate = services.GetRequiredService<WriteGate>();
        var left = "left-tracked-" + Guid.NewGuid().ToString("N");
        var failed = "failed-" + Guid.NewGuid().ToString("N");
        var saved = "saved-" + Guid.NewGuid().ToString("N");
        Task<int>[] runs;
        using (await gate.EnterAsync(Token))
        {
            runs =
            [
                batches.RunAsync((scope, _, _) =>
                {
                    scope.GetRequiredService<AlignBotDbContext>().Add(new InboundDelivery { Platform = 1, DeliveryId = left, ReceivedAt = DateTimeOffset.UnixEpoch });
                    return Task.FromResult(0); // added, never saved
                }, Token),
                batches.RunAsync(async (scope, _, token) =>
                {
                    var db = scope.GetRequiredService<AlignBotDbContext>();
                    db.Add(new InboundDelivery { Platform = 1, DeliveryId = saved, ReceivedAt = DateTimeOffset.UnixEpoch });
                    return await db.SaveChangesAsync(token);
                }, Token),
                batches.RunAsync<int>(async (scope, _, token) =>
                {
                    var db = scope.GetRequiredService<AlignBotDbContext>();
                    db.Add(new InboundDelivery { Platform = 1, DeliveryId = failed, ReceivedAt = DateTimeOffset.UnixEpoch });
                    await db.SaveChangesAsync(token);
                    throw new InvalidOperationException("handler failed after saving");
                }, Token),
            ];
        }

        Assert.Equal(0, await runs[0]);
        Assert.Equal(1, await runs[1]); // its own row only, not the one the event before it left added
        await Assert.ThrowsAsync<InvalidOperationException>(() => runs[2]);
        await using var check = services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<AlignBotDbContext>().InboundDeliveries
            .Where(d => d.DeliveryId == left || d.DeliveryId == failed || d.DeliveryId == saved).Select(d => d.DeliveryId).ToListAsync(Token);
        Assert.Equal([saved], stored);
    }

    /// <summary>An event's result is given only once its batch has committed: what it wrote can be read right after.</summary>
    [Fact]
    public async Task RunAsync_ResultGiven_WritesAreCommittedAndVisibleToOthers()
    {
        await using var services = StorageFixture.CreateServices(StorageProvider.Sqlite, await storage.ConnectionStringAsync(StorageProvider.Sqlite, Token));
        var id = "visible-" + Guid.NewGuid().ToString("N");

        await services.GetRequiredService<InboundBatches>().RunAsync(
            (scope, _, token) => scope.GetRequiredService<InboundDeduplicator>().TryRecordAsync(Platform.Slack, id, token),
            Token);

        await using var other = services.CreateAsyncScope();
        Assert.Equal(1, await other.ServiceProvider.GetRequiredService<AlignBotDbContext>().InboundDeliveries.CountAsync(d => d.DeliveryId == id, Token));
    }

    /// <summary>The database cannot be opened: each waiting event is answered with the error, none waits forever.</summary>
    [Fact]
    public async Task RunAsync_DatabaseCannotBeOpened_EventsAnsweredWithTheError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "alignbot-missing-" + Guid.NewGuid().ToString("N"), "none.db");
        await using var services = StorageFixture.CreateServices(StorageProvider.Sqlite, $"Data Source={missing};Mode=ReadWrite");
        var batches = services.GetRequiredService<InboundBatches>();

        var first = batches.RunAsync((_, _, _) => Task.FromResult(1), Token);
        var second = batches.RunAsync((_, _, _) => Task.FromResult(2), Token);

        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => first);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => second);
    }
}
