using System.Net;
using AlignBot.Core.Availability;
using AlignBot.Core.Standups;
using AlignBot.Host.Integrations.Graph;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Host.Tests.Standups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static AlignBot.Host.Tests.Standups.StandupWorld;

namespace AlignBot.Host.Tests.Integrations.Graph;

/// <summary>
/// The mailbox sync end to end: the real GraphServiceClient against a fake Graph on loopback serving the real samples
/// from shared/reference/graph, the host on its own SQLite database, a fake clock and the stand-up tick.
/// </summary>
public sealed class GraphMailboxSyncTests
{
    private const string MailboxSample = "get-mailboxSettings.response.json";        // Scheduled, 2016-03-14T07:00Z to 2016-03-28T07:00Z
    private const string RepliesSample = "get-mailboxSettings-automaticRepliesSetting.response.json"; // alwaysEnabled

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_WindowsZoneAndScheduledReplies_ConvertedAndMemberNotPromptedWhileAway()
    {
        await using var graph = await FakeGraph.StartAsync(Token);
        await using var world = await StartAsync(Token, Utc("2016-03-15T20:00:00Z"), graph.Settings, FakeGraph.UseFakeCredential);
        graph.SetMailbox(NewYork.Id, FakeGraph.Sample(MailboxSample, json => json["timeZone"] = "Pacific Standard Time"));
        graph.FailNext(Lead.Id, HttpStatusCode.Forbidden);                                 // the first person asked: refused
        // Tokyo has no mailbox at all: the fake answers 404.

        var result = await SyncAsync(world);
        var chatsBefore = world.Bot.Connector.Requests.Count(r => r.Path.Contains(NewYork.ChatId, StringComparison.Ordinal));
        await world.RunUntilAsync(Utc("2016-03-16T23:00:00Z"), TimeSpan.FromMinutes(15), Token);

        // No mailbox: Tokyo, and the person who installed the bot in the channel (met through that event).
        Assert.Equal(new MailboxSyncResult(Updated: 1, Unchanged: 0, NoMailbox: 2, Forbidden: 1, Failed: 0, Deferred: 0), result);
        Assert.All(Everyone, m => Assert.Equal(1, graph.RequestsFor(m.Id)));
        Assert.All(graph.Requests, r => Assert.Equal("Bearer " + FakeGraph.Token, r.Authorization));
        var ny = await PersonAsync(world, NewYork);
        Assert.Equal("America/Los_Angeles", ny.TimeZone);
        Assert.Equal(AvailabilitySource.Mailbox, ny.TimeZoneSource);
        Assert.Equal(new DateOnly(2016, 3, 14), ny.OutOfOfficeFrom);                    // 07:00Z is midnight in Los Angeles (PDT)
        Assert.Equal(new DateOnly(2016, 3, 27), ny.OutOfOfficeUntil);                   // replies end at midnight: back on the 28th
        Assert.Equal(AvailabilitySource.Mailbox, ny.OutOfOfficeSource);
        Assert.Equal(("Europe/Berlin", AvailabilitySource.Client), await ZoneAsync(world, Lead));
        Assert.Equal(("Asia/Tokyo", AvailabilitySource.Client), await ZoneAsync(world, Tokyo));
        var prompts = await world.Bot.QueryAsync(db => db.StandupPrompts.Where(p => p.LocalDate == new DateOnly(2016, 3, 16)).ToDictionaryAsync(p => p.MemberId, p => p.Status, Token));
        Assert.Equal(PromptStatus.OutOfOffice, prompts[NewYork.Id]);
        Assert.Equal(PromptStatus.Prompted, prompts[Lead.Id]);
        Assert.Equal(PromptStatus.Prompted, prompts[Tokyo.Id]);
        Assert.Equal(chatsBefore, world.Bot.Connector.Requests.Count(r => r.Path.Contains(NewYork.ChatId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_DirectoryAddress_KeptOnTheTeamsAccountForLinking_MailElsePrincipalName_NoneWithoutUserRead()
    {
        await using var graph = await FakeGraph.StartAsync(Token);
        await using var world = await StartAsync(Token, Utc("2016-03-15T10:00:00Z"), graph.Settings, FakeGraph.UseFakeCredential);
        foreach (var member in new[] { NewYork, Tokyo, Lead })
        {
            graph.SetMailbox(member.Id, FakeGraph.Sample(MailboxSample));
        }

        graph.SetUser(NewYork.Id, "nia@contoso.com", "nia.york@contoso.onmicrosoft.com");
        graph.SetUser(Tokyo.Id, mail: null, "taro@contoso.com");
        // The lead's address is not given (no User.Read.All, or no such user): their settings still count.

        await SyncAsync(world);

        Assert.Equal("nia@contoso.com", (await PersonAsync(world, NewYork)).Email);
        Assert.Equal("taro@contoso.com", (await PersonAsync(world, Tokyo)).Email);
        var lead = await PersonAsync(world, Lead);
        Assert.Null(lead.Email);
        Assert.Equal(AvailabilitySource.Mailbox, lead.OutOfOfficeSource);
    }

    [Fact]
    public async Task RunAsync_PersonChoseZoneAndOutOfOffice_MailboxDoesNotOverwriteThem()
    {
        await using var graph = await FakeGraph.StartAsync(Token);
        await using var world = await StartAsync(Token, Utc("2016-03-15T10:00:00Z"), graph.Settings, FakeGraph.UseFakeCredential);
        await world.SayAsync(Lead, "timezone Asia/Tokyo", Token);
        await world.SayAsync(Tokyo, "ooo until 2016-03-20", Token);
        var alwaysOn = AlwaysEnabled();
        graph.SetMailbox(Lead.Id, alwaysOn);
        graph.SetMailbox(Tokyo.Id, alwaysOn);

        await SyncAsync(world);

        Assert.Equal(("Asia/Tokyo", AvailabilitySource.Person), await ZoneAsync(world, Lead));
        Assert.Equal(("America/Los_Angeles", AvailabilitySource.Mailbox), await ZoneAsync(world, Tokyo));
        var tokyo = await PersonAsync(world, Tokyo);
        Assert.Equal((null, new DateOnly(2016, 3, 20), AvailabilitySource.Person), (tokyo.OutOfOfficeFrom, tokyo.OutOfOfficeUntil, tokyo.OutOfOfficeSource));
        var lead = await PersonAsync(world, Lead);                                        // no "ooo" of their own: the replies count
        Assert.Equal((new DateOnly(2016, 3, 15), DateOnly.MaxValue, AvailabilitySource.Mailbox), (lead.OutOfOfficeFrom, lead.OutOfOfficeUntil, lead.OutOfOfficeSource));
    }

    [Fact]
    public async Task RunAsync_MailboxZoneThenClient_MailboxWins_RepliesTurnedOff_OutOfOfficeCleared()
    {
        await using var graph = await FakeGraph.StartAsync(Token);
        await using var world = await StartAsync(Token, Utc("2016-03-15T10:00:00Z"), graph.Settings, FakeGraph.UseFakeCredential);
        graph.SetMailbox(NewYork.Id, AlwaysEnabled());

        await SyncAsync(world);
        await world.SayAsync(NewYork, "hello again", Token);                              // the client still says New York
        var away = await PersonAsync(world, NewYork);
        graph.SetMailbox(NewYork.Id, AlwaysEnabled(json => json["automaticRepliesSetting"]!["status"] = "disabled"));
        world.Bot.Clock.Advance(TimeSpan.FromDays(2));
        await SyncAsync(world);

        Assert.Equal("America/Los_Angeles", away.TimeZone);
        Assert.Equal((new DateOnly(2016, 3, 15), DateOnly.MaxValue), (away.OutOfOfficeFrom, away.OutOfOfficeUntil));
        var back = await PersonAsync(world, NewYork);
        Assert.Equal(("America/Los_Angeles", AvailabilitySource.Mailbox), (back.TimeZone, back.TimeZoneSource));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null, AvailabilitySource.Unknown), (back.OutOfOfficeFrom, back.OutOfOfficeUntil, back.OutOfOfficeSource));
    }

    [Fact]
    public async Task RunAsync_ThrottledOnceAndServerErrorsForAnother_RetriedAndOthersStillSynced()
    {
        await using var graph = await FakeGraph.StartAsync(Token);
        await using var world = await StartAsync(Token, Utc("2016-03-15T10:00:00Z"), graph.Settings, FakeGraph.UseFakeCredential);
        graph.SetMailbox(Lead.Id, FakeGraph.Sample(MailboxSample, json => json["timeZone"] = "W. Europe Standard Time"));
        graph.SetMailbox(NewYork.Id, FakeGraph.Sample(MailboxSample, json => json["timeZone"] = "Pacific Standard Time"));
        graph.SetMailbox(Tokyo.Id, FakeGraph.Sample(MailboxSample));
        graph.FailNext(Lead.Id, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 8; i++)
        {
            graph.FailNext(NewYork.Id, HttpStatusCode.ServiceUnavailable);              // more than the retries allow
        }

        var result = await SyncAsync(world);

        Assert.Equal(2, graph.RequestsFor(Lead.Id));                                      // 429, then the retry after Retry-After
        Assert.Equal(1, result.Failed);
        Assert.Equal(("Europe/Berlin", AvailabilitySource.Mailbox), await ZoneAsync(world, Lead));
        Assert.Equal(("America/New_York", AvailabilitySource.Client), await ZoneAsync(world, NewYork));
        Assert.Equal(("Etc/UTC", AvailabilitySource.Mailbox), await ZoneAsync(world, Tokyo));
    }

    [Fact]
    public async Task FirstMessage_NewPerson_OneOffSyncQueuedForThem_AndItAppliesTheirMailbox()
    {
        await using var graph = await FakeGraph.StartAsync(Token);
        await using var world = await StartAsync(Token, Utc("2016-03-15T10:00:00Z"), graph.Settings, FakeGraph.UseFakeCredential);
        graph.SetMailbox(NewYork.Id, FakeGraph.Sample(MailboxSample, json => json["timeZone"] = "Pacific Standard Time"));

        var scheduler = await world.Bot.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Token);
        var headers = await scheduler.QueryTriggers(new TriggerQuery(), Token);
        var keys = headers.Items.Where(h => Equals(h.JobKey, MailboxSyncJob.Key)).Select(h => h.Key).ToList();
        var queued = (await scheduler.GetTriggers(keys, Token))
            .Select(t => t.JobDataMap.GetString(MailboxSyncJob.PersonKey))
            .OfType<string>()
            .ToList();
        await using var scope = world.Bot.Factory.Services.CreateAsyncScope();
        var synced = await scope.ServiceProvider.GetRequiredService<MailboxSyncJob>().RunForAsync(NewYork.Id, Token);

        Assert.All(Everyone, m => Assert.Contains(m.Id, queued));                          // each member's first "hello"
        Assert.True(synced);
        Assert.Equal(("America/Los_Angeles", AvailabilitySource.Mailbox), await ZoneAsync(world, NewYork));
        Assert.Equal(1, graph.RequestsFor(NewYork.Id));
        Assert.Equal(0, graph.RequestsFor(Tokyo.Id));
    }

    [Fact]
    public async Task RunAsync_GraphNotConfigured_DoesNothing()
    {
        await using var world = await StartAsync(Token, Utc("2016-03-15T10:00:00Z"));

        await using var scope = world.Bot.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<MailboxSyncJob>().RunAsync(Token);

        Assert.Null(result);
    }

    [Theory]
    [InlineData("AlignBot:Graph:ClientSecret", "", "AlignBot:Graph:ClientSecret is required")]
    [InlineData("AlignBot:Graph:BaseUrl", "http://graph.example.com/v1.0", "AlignBot:Graph:BaseUrl 'http://graph.example.com/v1.0' must be an absolute https URL")]
    public async Task Start_IncompleteGraphOptions_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Graph:TenantId"] = "tenant-1",
            ["AlignBot:Graph:ClientId"] = "client",
            ["AlignBot:Graph:ClientSecret"] = "secret",
            [key] = value,
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var bot = await BotTestContext.StartAsync(Token, settings);
        });

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The mailbox sample with the automatic-replies sample (alwaysEnabled) in it and a Windows zone.</summary>
    private static System.Text.Json.Nodes.JsonObject AlwaysEnabled(Action<System.Text.Json.Nodes.JsonObject>? change = null) =>
        FakeGraph.Sample(MailboxSample, json =>
        {
            var replies = FakeGraph.Sample(RepliesSample);
            replies.Remove("@odata.context");
            json["automaticRepliesSetting"] = replies;
            json["timeZone"] = "Pacific Standard Time";
            change?.Invoke(json);
        });

    /// <summary>Runs the sync job as Quartz would, moving the fake clock on while it waits (retries wait on the clock).</summary>
    private static async Task<MailboxSyncResult> SyncAsync(StandupWorld world)
    {
        await using var scope = world.Bot.Factory.Services.CreateAsyncScope();
        var run = scope.ServiceProvider.GetRequiredService<MailboxSyncJob>().RunAsync(Token);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(20, Token));
            if (!run.IsCompleted)
            {
                world.Bot.Clock.Advance(TimeSpan.FromMilliseconds(250));
            }
        }

        return await run ?? throw new InvalidOperationException("Graph is configured in these tests.");
    }

    private static Task<AlignBot.Data.People.PersonRecord> PersonAsync(StandupWorld world, Member member) =>
        world.Bot.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.AadObjectId == member.Id, Token));

    private static async Task<(string?, AvailabilitySource)> ZoneAsync(StandupWorld world, Member member)
    {
        var person = await PersonAsync(world, member);
        return (person.TimeZone, person.TimeZoneSource);
    }
}
