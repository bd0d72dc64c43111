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
