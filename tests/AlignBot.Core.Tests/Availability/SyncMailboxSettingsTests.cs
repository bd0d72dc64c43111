using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AlignBot.Core.Tests.Availability;

public sealed class SyncMailboxSettingsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-10T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ExecuteAsync_StillThrottledAfterRetries_RestWaitsForNextRun()
    {
        var store = new Mock<IAvailabilityStore>();
        store.Setup(s => s.GetPeopleWithDirectoryIdAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Person("aad-1"), Person("aad-2"), Person("aad-3")]);
        var reader = new Mock<IMailboxSettingsReader>();
        reader.Setup(r => r.ReadAsync("aad-1", It.IsAny<CancellationToken>())).ReturnsAsync(MailboxLookup.Found(new MailboxSettings("Europe/Berlin", AutomaticRepliesStatus.Disabled)));
        reader.Setup(r => r.ReadAsync("aad-2", It.IsAny<CancellationToken>())).ReturnsAsync(new MailboxLookup(MailboxLookupOutcome.Throttled, RetryAfter: TimeSpan.FromSeconds(30)));
        var sync = new SyncMailboxSettings(store.Object, reader.Object, new FakeTimeProvider(Now), NullLogger<SyncMailboxSettings>.Instance);

        var result = await sync.ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new MailboxSyncResult(Updated: 1, Unchanged: 0, NoMailbox: 0, Forbidden: 0, Failed: 0, Deferred: 2), result);
        reader.Verify(r => r.ReadAsync("aad-3", It.IsAny<CancellationToken>()), Times.Never);
        store.Verify(s => s.SaveAsync(It.IsAny<PersonAvailability>(), It.Is<PersonAvailability>(p => p.TimeZone == "Europe/Berlin"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ExecuteAsync_FailuresAndNoChange_NothingSavedAndEveryoneRead()
    {
        var store = new Mock<IAvailabilityStore>();
        store.Setup(s => s.GetPeopleWithDirectoryIdAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Person("aad-1"), Person("aad-2"), Person("aad-3"), Person("aad-4")]);
        var reader = new Mock<IMailboxSettingsReader>();
        reader.Setup(r => r.ReadAsync("aad-1", It.IsAny<CancellationToken>())).ReturnsAsync(new MailboxLookup(MailboxLookupOutcome.Forbidden));
        reader.Setup(r => r.ReadAsync("aad-2", It.IsAny<CancellationToken>())).ReturnsAsync(new MailboxLookup(MailboxLookupOutcome.Failed));
        reader.Setup(r => r.ReadAsync("aad-3", It.IsAny<CancellationToken>())).ReturnsAsync(new MailboxLookup(MailboxLookupOutcome.NoMailbox));
        reader.Setup(r => r.ReadAsync("aad-4", It.IsAny<CancellationToken>())).ReturnsAsync(MailboxLookup.Found(new MailboxSettings("America/New_York", AutomaticRepliesStatus.Disabled)));
        var sync = new SyncMailboxSettings(store.Object, reader.Object, new FakeTimeProvider(Now), NullLogger<SyncMailboxSettings>.Instance);

        var result = await sync.ExecuteAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new MailboxSyncResult(Updated: 0, Unchanged: 1, NoMailbox: 1, Forbidden: 1, Failed: 1, Deferred: 0), result);
        store.Verify(s => s.SaveAsync(It.IsAny<PersonAvailability>(), It.IsAny<PersonAvailability>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static PersonAvailability Person(string aad) =>
        new(new UserRef(Platform.Teams, "29:" + aad, aad, null), aad, "America/New_York", AvailabilitySource.Mailbox, null, null, AvailabilitySource.Unknown);
}
