using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Outbox;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data.Outbox;

public sealed class OutboxWriterTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly ConversationRef Channel = new(Platform.Teams, "tenant-1", "19:channel@thread.tacv2", ConversationKind.Channel, "https://smba.example.test/");

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddAsync_SameKeyTwiceInOneUnitOfWork_WritesOne(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var key = NewKey();
        var added = await OutboxWriter.WriteAloneAsync(services, [OutboundMessage.Send(Channel, MessageContent.FromText("first"), key), OutboundMessage.Send(Channel, MessageContent.FromText("second"), key)], cancellationToken);

        Assert.Equal(1, added);
        Assert.Equal(["first"], await TextsAsync(services, key, cancellationToken));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddAsync_KeyCommittedBefore_SkipsMessage(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var key = NewKey();
        await OutboxWriter.WriteAloneAsync(services, [OutboundMessage.Send(Channel, MessageContent.FromText("first"), key)], cancellationToken);

        var added = await OutboxWriter.WriteAloneAsync(services, [OutboundMessage.Send(Channel, MessageContent.FromText("second"), key)], cancellationToken);

        Assert.Equal(0, added);
        Assert.Equal(["first"], await TextsAsync(services, key, cancellationToken));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddAsync_MessagesWithoutKey_WritesEach(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var conversation = Channel with { ConversationId = "19:" + NewKey() };

        var added = await OutboxWriter.WriteAloneAsync(services, [OutboundMessage.Send(conversation, MessageContent.FromText("one")), OutboundMessage.Send(conversation, MessageContent.FromText("two"))], cancellationToken);

        Assert.Equal(2, added);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        Assert.Equal(2, await db.Outbox.CountAsync(o => o.ConversationId == conversation.ConversationId, cancellationToken));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddAsync_TransactionRolledBack_WritesNothing(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var key = NewKey();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxWriter>().AddAsync([OutboundMessage.Send(Channel, MessageContent.FromText("undone"), key)], cancellationToken));
            await transaction.RollbackAsync(cancellationToken);
        }

        Assert.Empty(await TextsAsync(services, key, cancellationToken));
    }

    /// <summary>The payload is stored as text on both databases (SQLite gets the serializer's UTF-8 bytes) and reads back as written.</summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task AddAsync_CardWithNonAsciiText_StoresTheMessageAsTextThatReadsBack(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var key = NewKey();
        var card = new AlignBot.Core.Cards.AdaptiveCard { Body = [new AlignBot.Core.Cards.TextBlock("Grüße aus München — 東京 ✓ \"quoted\"")] };

        await OutboxWriter.WriteAloneAsync(services, [OutboundMessage.Send(Channel, MessageContent.FromCard(card, "Grüße"), key)], cancellationToken);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        var payload = await db.Outbox.Where(o => o.Key == key).Select(o => o.Payload).SingleAsync(cancellationToken);
        var read = OutboxJson.Deserialize(payload);
        Assert.Equal(AlignBot.Core.Cards.CardJson.Serialize(card), AlignBot.Core.Cards.CardJson.Serialize(read.Content!.Card!));
        Assert.Equal("Grüße", read.Content.Text);
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.Key == key && o.Payload.Contains("München"), cancellationToken)); // searchable as text
        if (provider == StorageProvider.Sqlite)
        {
            Assert.Equal(["text"], await db.Database.SqlQuery<string>($"""SELECT typeof(p."Payload") AS "Value" FROM outbox o JOIN outbox_payloads p ON p."Id" = o."Id" WHERE o."Key" = {key}""").ToListAsync(cancellationToken));
        }
    }

    [Fact]
    public async Task AddAsync_OutsideATransaction_RefusesAndWritesNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(StorageProvider.Sqlite, await storage.ConnectionStringAsync(StorageProvider.Sqlite, cancellationToken));
        var key = NewKey();
        await using (var scope = services.CreateAsyncScope())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                scope.ServiceProvider.GetRequiredService<OutboxWriter>().AddAsync([OutboundMessage.Send(Channel, MessageContent.FromText("alone"), key)], cancellationToken));
        }

        Assert.Empty(await TextsAsync(services, key, cancellationToken));
    }

    private static async Task<List<string?>> TextsAsync(IServiceProvider services, string key, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<AlignBotDbContext>().Outbox
            .Where(o => o.Key == key).Select(o => o.Payload).ToListAsync(cancellationToken);
        return [.. payloads.Select(p => OutboxJson.Deserialize(p).Content?.Text)];
    }

    private static string NewKey() => "writer-" + Guid.NewGuid().ToString("N");
}
