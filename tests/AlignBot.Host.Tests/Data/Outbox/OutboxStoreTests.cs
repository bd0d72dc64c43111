using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data.Outbox;

public sealed class OutboxStoreTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    /// <summary>Dispatchers on several instances see the same due row and all try to claim it: one sends it.</summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TryClaimAsync_ManyConcurrentClaimersOfOneRow_ExactlyOneWins(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var id = await AddRowAsync(services, cancellationToken);
        var leaseUntil = TimeProvider.System.GetUtcNow().AddMinutes(5);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimers = Enumerable.Range(0, 16).Select(_ => Task.Run(
            async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
                await start.Task;
                return await store.TryClaimAsync(id, leaseUntil, cancellationToken);
            },
            cancellationToken)).ToArray();

        start.SetResult();
        var claimed = await Task.WhenAll(claimers);

        Assert.Equal(1, claimed.Count(won => won));
        var row = await RowAsync(services, id, cancellationToken);
        Assert.Equal(OutboxStatus.Sending, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task TryClaimAsync_RowAlreadyClaimed_ReturnsFalse(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var id = await AddRowAsync(services, cancellationToken);
        var leaseUntil = TimeProvider.System.GetUtcNow().AddMinutes(5);
        await using (var first = services.CreateAsyncScope())
        {
            Assert.True(await first.ServiceProvider.GetRequiredService<OutboxStore>().TryClaimAsync(id, leaseUntil, cancellationToken));
        }

        await using var second = services.CreateAsyncScope();
        var claimed = await second.ServiceProvider.GetRequiredService<OutboxStore>().TryClaimAsync(id, leaseUntil, cancellationToken);

        Assert.False(claimed);
    }

    /// <summary>A batch claim takes the rows still pending and reports exactly those; a row taken before is left alone.</summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ClaimAsync_SomeRowsTakenBefore_ClaimsAndReturnsOnlyThePendingOnes(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await AddRowAsync(services, cancellationToken));
        }

        var leaseUntil = TimeProvider.System.GetUtcNow().AddMinutes(5);
        await using (var first = services.CreateAsyncScope())
        {
            Assert.True(await first.ServiceProvider.GetRequiredService<OutboxStore>().TryClaimAsync(ids[1], leaseUntil, cancellationToken));
        }

        await using var second = services.CreateAsyncScope();
        var claimed = await second.ServiceProvider.GetRequiredService<OutboxStore>().ClaimAsync(ids, leaseUntil, cancellationToken);

        Assert.Equal(new[] { ids[0], ids[2], ids[3] }, claimed.Order());
        foreach (var id in ids)
        {
            var row = await RowAsync(services, id, cancellationToken);
            Assert.Equal(OutboxStatus.Sending, row.Status);
            Assert.Equal(1, row.Attempts);
            Assert.Equal(leaseUntil.ToUnixTimeMilliseconds(), row.LeaseUntil?.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Sends recorded together each keep their own message id, conversation and time; other rows stay as they were.</summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MarkSentAsync_SeveralOutcomes_RecordsEachOne(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await AddRowAsync(services, cancellationToken));
        }

        var now = TimeProvider.System.GetUtcNow();
        await using (var scope = services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
            var claimed = await store.ClaimAsync(ids, now.AddMinutes(5), cancellationToken);
            Assert.Equal(3, claimed.Count);
            await store.MarkSentAsync(
                [
                    new SentOutcome(ids[0], new SendResult.Sent("activity-0"), now),
                    new SentOutcome(ids[2], new SendResult.Sent("activity-2", "a:opened-chat"), now.AddSeconds(2)),
                ],
                cancellationToken);
        }

        var first = await RowAsync(services, ids[0], cancellationToken);
        Assert.Equal((OutboxStatus.Sent, "activity-0", (string?)null, (DateTimeOffset?)null), (first.Status, first.SentActivityId, first.SentConversationId, first.LeaseUntil));
        Assert.Equal(now.ToUnixTimeMilliseconds(), first.CompletedAt?.ToUnixTimeMilliseconds());
        var third = await RowAsync(services, ids[2], cancellationToken);
        Assert.Equal((OutboxStatus.Sent, "activity-2", "a:opened-chat"), (third.Status, third.SentActivityId, third.SentConversationId));
        Assert.Equal(now.AddSeconds(2).ToUnixTimeMilliseconds(), third.CompletedAt?.ToUnixTimeMilliseconds());
        var untouched = await RowAsync(services, ids[1], cancellationToken);
        Assert.Equal((OutboxStatus.Sending, (string?)null, (DateTimeOffset?)null), (untouched.Status, untouched.SentActivityId, untouched.CompletedAt));
    }

    /// <summary>
    /// The dispatcher's two looks at the outbox (compiled queries, one per provider's model): the pending rows due by now
    /// in the order they were written, at most the limit; and when the earliest pending row falls due.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task GetDueAsync_NextDueAtAsync_PendingRowsByDueTime(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var now = TimeProvider.System.GetUtcNow();
        await using (var scope = services.CreateAsyncScope())
        {
            // The rows earlier tests of this class left pending are taken, so that this test's rows are all that is pending.
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            var left = await db.Outbox.Where(o => o.Status == OutboxStatus.Pending).Select(o => o.Id).ToListAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<OutboxStore>().ClaimAsync(left, now.AddMinutes(5), cancellationToken);
        }

        var dueSoon = await AddRowAsync(services, cancellationToken);
        var later = await AddRowAsync(services, cancellationToken);
        var dueFirst = await AddRowAsync(services, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            foreach (var (id, at) in new[] { (dueSoon, now.AddMinutes(-1)), (later, now.AddMinutes(10)), (dueFirst, now.AddMinutes(-2)) })
            {
                await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(u => u.SetProperty(o => o.NextAttemptAt, at), cancellationToken);
            }
        }

        await using var look = services.CreateAsyncScope();
        var store = look.ServiceProvider.GetRequiredService<OutboxStore>();
        var due = await store.GetDueAsync(now, 100, cancellationToken);
        var first = await store.GetDueAsync(now, 1, cancellationToken);
        var nextDue = await store.NextDueAtAsync(cancellationToken);

        Assert.Equal([dueSoon, dueFirst], due.Select(d => d.Id));
        Assert.Equal("hello", due[0].Message.Content?.Text);
        Assert.Equal([dueSoon], first.Select(d => d.Id));
        Assert.Equal(now.AddMinutes(-2).ToUnixTimeMilliseconds(), nextDue?.ToUnixTimeMilliseconds());
    }

    private static async Task<long> AddRowAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var key = "claim-" + Guid.NewGuid().ToString("N");
        var to = new ConversationRef(Platform.Teams, "tenant-1", "conversation-" + key, ConversationKind.Channel, "https://smba.example.test/");
        await OutboxWriter.WriteAloneAsync(services, [OutboundMessage.Send(to, MessageContent.FromText("hello"), key)], cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        return await db.Outbox.Where(o => o.Key == key).Select(o => o.Id).SingleAsync(cancellationToken);
    }

    private static async Task<OutboxRecord> RowAsync(IServiceProvider services, long id, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlignBotDbContext>().Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
    }
}
