using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data.Conversations;

public sealed class InboundDeduplicatorTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TryRecordAsync_DeliveryCommittedBefore_ReturnsFalse(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var deliveryId = NewDeliveryId();
        await using (var first = services.CreateAsyncScope())
        {
            Assert.True(await first.ServiceProvider.GetRequiredService<InboundDeduplicator>().TryRecordAsync(Platform.Teams, deliveryId, cancellationToken));
        }

        await using var retry = services.CreateAsyncScope();
        var recorded = await retry.ServiceProvider.GetRequiredService<InboundDeduplicator>().TryRecordAsync(Platform.Teams, deliveryId, cancellationToken);

        Assert.False(recorded);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TryRecordAsync_SameIdOnAnotherPlatform_ReturnsTrue(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var deliveryId = NewDeliveryId();
        await using (var teams = services.CreateAsyncScope())
        {
            await teams.ServiceProvider.GetRequiredService<InboundDeduplicator>().TryRecordAsync(Platform.Teams, deliveryId, cancellationToken);
        }

        await using var slack = services.CreateAsyncScope();
        var recorded = await slack.ServiceProvider.GetRequiredService<InboundDeduplicator>().TryRecordAsync(Platform.Slack, deliveryId, cancellationToken);

        Assert.True(recorded);
        Assert.Equal(2, await CountAsync(services, deliveryId, cancellationToken));
    }

    /// <summary>
    /// A copy arriving while the first is still in its transaction waits for it: when the first commits, the copy is
    /// a duplicate; when the first rolls back (its handler failed), the copy is processed in its place.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite, true)]
    [InlineData(StorageProvider.Sqlite, false)]
    [InlineData(StorageProvider.Postgres, true)]
    [InlineData(StorageProvider.Postgres, false)]
    public async Task TryRecordAsync_CopyWhileTheFirstIsInItsTransaction_WaitsForItsOutcome(StorageProvider provider, bool firstCommits)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var deliveryId = NewDeliveryId();
        await using var first = services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        var transaction = await firstDb.Database.BeginTransactionAsync(cancellationToken);
        Assert.True(await first.ServiceProvider.GetRequiredService<InboundDeduplicator>().TryRecordAsync(Platform.Slack, deliveryId, cancellationToken));

        var copy = Task.Run(() => ProcessOnceAsync(services, deliveryId, Platform.Slack, cancellationToken), cancellationToken);
        if (firstCommits)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        await transaction.DisposeAsync();
        Assert.Equal(!firstCommits, await copy);
        Assert.Equal(1, await CountAsync(services, deliveryId, cancellationToken));
    }

    /// <summary>A platform's retries racing in: each runs the inbound pipeline's transaction; one is processed.</summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TryRecordAsync_ManyConcurrentTransactionsSameDeliveryId_ExactlyOneCommits(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var deliveryId = NewDeliveryId();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var units = Enumerable.Range(0, 8).Select(_ => Task.Run(
            async () =>
            {
                await start.Task;
                return await ProcessOnceAsync(services, deliveryId, Platform.Teams, cancellationToken);
            },
            cancellationToken)).ToArray();

        start.SetResult();
        var outcomes = await Task.WhenAll(units);

        Assert.Equal(1, outcomes.Count(processed => processed));
        Assert.Equal(1, await CountAsync(services, deliveryId, cancellationToken));
    }

    /// <summary>The pipeline's shape: one transaction that records the delivery and commits, or finds it seen.</summary>
    private static async Task<bool> ProcessOnceAsync(IServiceProvider services, string deliveryId, Platform platform, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await scope.ServiceProvider.GetRequiredService<InboundDeduplicator>().TryRecordAsync(platform, deliveryId, cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<int> CountAsync(IServiceProvider services, string deliveryId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlignBotDbContext>().InboundDeliveries.CountAsync(d => d.DeliveryId == deliveryId, cancellationToken);
    }

    private static string NewDeliveryId() => "delivery-" + Guid.NewGuid().ToString("N");
}
