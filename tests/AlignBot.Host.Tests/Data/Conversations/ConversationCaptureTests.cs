using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Data.Conversations;

/// <summary>
/// What every inbound event leaves of its conversation and sender, on both databases: what the event says replaces
/// what was stored, what it leaves out is kept, and what another writer changed meanwhile stays.
/// </summary>
public sealed class ConversationCaptureTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CaptureAsync_FirstEventThenOneSayingLess_KeepsWhatTheSecondLeavesOut(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var id = Guid.NewGuid().ToString("N");
        var conversation = new ConversationRef(Platform.Teams, "tenant-1", "a:" + id, ConversationKind.Personal, "https://smba.example.test/amer/", Name: "Chat");
        var sender = new UserRef(Platform.Teams, "29:" + id, "aad-" + id, "Dana Seller");

        var metFirst = await CaptureAsync(services, Message(conversation, sender) with { Locale = "en-US", TimeZone = "Europe/Berlin" }, cancellationToken);
        var metAgain = await CaptureAsync(
            services,
            Message(conversation with { TenantId = "", ServiceUrl = null, Name = null }, sender with { DisplayName = null }) with { Locale = "de-DE" },
            cancellationToken);

        Assert.Equal("aad-" + id, metFirst);
        Assert.Null(metAgain);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        var stored = await db.Conversations.SingleAsync(c => c.ConversationId == conversation.ConversationId, cancellationToken);
        Assert.Equal(("tenant-1", "https://smba.example.test/amer/", "Chat"), (stored.TenantId, stored.ServiceUrl, stored.Name));
        var person = await db.People.SingleAsync(p => p.UserId == sender.UserId, cancellationToken);
        Assert.Equal(("Dana Seller", "de-DE", "Europe/Berlin", AvailabilitySource.Client), (person.DisplayName, person.Locale, person.TimeZone, person.TimeZoneSource));
        Assert.Equal((conversation.ConversationId, "tenant-1"), (person.PersonalConversationId, person.TenantId));
    }

    /// <summary>The mailbox sync sets the time zone between two messages: the second message does not undo it.</summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CaptureAsync_ColumnChangedByAnotherWriter_StaysWhenTheEventDoesNotChangeIt(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken));
        var id = Guid.NewGuid().ToString("N");
        var conversation = new ConversationRef(Platform.Teams, "tenant-1", "a:" + id, ConversationKind.Personal, "https://smba.example.test/");
        var sender = new UserRef(Platform.Teams, "29:" + id, "aad-" + id, "Omar Owner");
        await CaptureAsync(services, Message(conversation, sender), cancellationToken);
        await using (var other = services.CreateAsyncScope())
        {
            await other.ServiceProvider.GetRequiredService<AlignBotDbContext>().People.Where(p => p.UserId == sender.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "Asia/Tokyo").SetProperty(p => p.TimeZoneSource, AvailabilitySource.Mailbox), cancellationToken);
        }

        await CaptureAsync(services, Message(conversation, sender) with { TimeZone = "Europe/Berlin" }, cancellationToken);

        await using var scope = services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<AlignBotDbContext>().People.SingleAsync(p => p.UserId == sender.UserId, cancellationToken);
        Assert.Equal(("Asia/Tokyo", AvailabilitySource.Mailbox), (person.TimeZone, person.TimeZoneSource)); // the mailbox outranks the client
    }

    /// <summary>
    /// Most events change nothing: within a minute they write nothing (no page to the database's log), and the stored
    /// times move again once they are a minute old or when something else changes.
    /// </summary>
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CaptureAsync_EventsChangingNothing_RefreshTheStoredTimesOncePerMinute(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var services = StorageFixture.CreateServices(provider, await storage.ConnectionStringAsync(provider, cancellationToken), clock);
        var id = Guid.NewGuid().ToString("N");
        var conversation = new ConversationRef(Platform.Teams, "tenant-1", "a:" + id, ConversationKind.Personal, "https://smba.example.test/amer/");
        var sender = new UserRef(Platform.Teams, "29:" + id, "aad-" + id, "Dana Seller");
        var start = clock.GetUtcNow();

        await CaptureAsync(services, Message(conversation, sender), cancellationToken);
        clock.Advance(TimeSpan.FromSeconds(30));
        await CaptureAsync(services, Message(conversation, sender), cancellationToken);
        var quiet = await StoredTimesAsync(services, conversation, sender, cancellationToken);

        clock.Advance(TimeSpan.FromSeconds(10));
        await CaptureAsync(services, Message(conversation with { ServiceUrl = "https://smba.example.test/emea/" }, sender with { DisplayName = "Dana S." }), cancellationToken);
        var changed = await StoredTimesAsync(services, conversation, sender, cancellationToken);

        clock.Advance(TimeSpan.FromSeconds(61));
        await CaptureAsync(services, Message(conversation with { ServiceUrl = "https://smba.example.test/emea/" }, sender with { DisplayName = "Dana S." }), cancellationToken);
        var later = await StoredTimesAsync(services, conversation, sender, cancellationToken);

        Assert.Equal((start, start), quiet); // nothing changed within the minute: nothing written
        Assert.Equal(start.AddSeconds(40), changed.Conversation); // the service URL changed: written, with the time
        Assert.Equal(start, changed.Person); // the name changed, the time stays within its minute
        Assert.Equal((start.AddSeconds(101), start.AddSeconds(101)), later);
    }

    private static async Task<(DateTimeOffset Conversation, DateTimeOffset Person)> StoredTimesAsync(IServiceProvider services, ConversationRef conversation, UserRef sender, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        var stored = await db.Conversations.SingleAsync(c => c.ConversationId == conversation.ConversationId, cancellationToken);
        var person = await db.People.SingleAsync(p => p.UserId == sender.UserId, cancellationToken);
        return (stored.UpdatedAt, person.LastSeenAt);
    }

    private static MessageReceived Message(ConversationRef conversation, UserRef sender) =>
        new("hello") { DeliveryId = Guid.NewGuid().ToString("N"), Conversation = conversation, From = sender };

    /// <summary>The pipeline's shape: the capture and what the context tracks, in one committed transaction.</summary>
    private static async Task<string?> CaptureAsync(IServiceProvider services, ChatEvent chatEvent, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var metFirst = await scope.ServiceProvider.GetRequiredService<ConversationCapture>().CaptureAsync(chatEvent, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return metFirst;
    }
}
