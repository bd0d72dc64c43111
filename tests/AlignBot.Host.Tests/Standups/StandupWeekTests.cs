using AlignBot.Core.Standups;
using AlignBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Standups.StandupWorld;

namespace AlignBot.Host.Tests.Standups;

/// <summary>Whole weeks on a fake clock, through the real endpoint, the tick job, the outbox and the loopback connector.</summary>
public sealed class StandupWeekTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWeeks_ThreeZonesUsDstHolidayOooAndRestart_EachMemberPromptedOncePerWorkingDayAtLocalNine()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-01T12:00:00Z"));
        await world.SayAsync(NewYork, "ooo until 2026-03-03", Token);

        await world.RunUntilAsync(Utc("2026-03-06T09:00:00Z"), TimeSpan.FromMinutes(15), Token);
        await world.Bot.RestartAsync(); // Friday mid-morning in Berlin: Tokyo answered hours ago, New York not yet prompted
        await world.RunUntilAsync(Utc("2026-03-14T00:00:00Z"), TimeSpan.FromMinutes(15), Token);

        var prompts = await world.Bot.QueryAsync(db => db.StandupPrompts.AsNoTracking().ToListAsync(Token));
        // 10 weekdays minus the company day off (4 March, from the .ics) = 9 days; 3 members; New York away for 2 of them.
        Assert.Equal(25, prompts.Count(p => p.Status == PromptStatus.Prompted));
        Assert.Equal(2, prompts.Count(p => p.Status == PromptStatus.OutOfOffice && p.MemberId == NewYork.Id));
        Assert.DoesNotContain(prompts, p => p.LocalDate == new DateOnly(2026, 3, 4));
        Assert.All(prompts.GroupBy(p => (p.MemberId, p.LocalDate)), g => Assert.Single(g));
        Assert.Equal(Utc("2026-03-06T14:00:00Z"), prompts.Single(p => p.MemberId == NewYork.Id && p.LocalDate == new DateOnly(2026, 3, 6)).PromptAtUtc); // 09:00 EST
        Assert.Equal(Utc("2026-03-09T13:00:00Z"), prompts.Single(p => p.MemberId == NewYork.Id && p.LocalDate == new DateOnly(2026, 3, 9)).PromptAtUtc); // 09:00 EDT
        Assert.Equal(Utc("2026-03-02T00:00:00Z"), prompts.Single(p => p.MemberId == Tokyo.Id && p.LocalDate == new DateOnly(2026, 3, 2)).PromptAtUtc);
        Assert.Equal(Utc("2026-03-02T08:00:00Z"), prompts.Single(p => p.MemberId == Lead.Id && p.LocalDate == new DateOnly(2026, 3, 2)).PromptAtUtc);

        var promptRows = await world.Bot.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Key!.EndsWith(":prompt")).ToListAsync(Token));
        Assert.Equal(25, promptRows.Count);
        await world.Bot.Connector.WaitForRequestsAsync(3 + 25, Token);
        await WaitForAsync(() => world.Bot.QueryAsync(db => db.Outbox.AllAsync(o => o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending, Token)));
        var sent = world.Bot.Connector.Requests.GroupBy(r => (string?)r.Body?["summary"]).ToDictionary(g => g.Key ?? "", g => g.Count());
        Assert.Equal(25, sent["Sales daily: time for your stand-up"]);
        Assert.Equal(25, sent["Reminder: Sales daily"]); // nobody answered: one reminder each, an hour later
        var reportPosts = world.Bot.Connector.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"{Channel}/activities", StringComparison.Ordinal) && r.VisibleText.Contains("Sales daily —", StringComparison.Ordinal));
        Assert.Equal(9, reportPosts); // one parent post per day, however many ticks and members
    }

    [Fact]
    public async Task Tick_RunsMoreThanTwoHoursLate_PromptIsNotSent()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T07:00:00Z")); // Berlin 08:00

        world.Bot.Clock.SetUtcNow(Utc("2026-03-02T10:30:00Z"));                          // Berlin 11:30: the 09:00 prompt is stale
        await world.TickAsync(Token);

        var prompts = await world.Bot.QueryAsync(db => db.StandupPrompts.AsNoTracking().ToListAsync(Token));
        Assert.DoesNotContain(prompts, p => p.MemberId == Lead.Id);
    }

    [Fact]
    public async Task Restart_MiddleOfTheDay_NoDuplicatePromptAndAnswerStillAccepted()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T07:59:00Z"));
        world.Bot.Clock.SetUtcNow(Utc("2026-03-02T08:00:00Z"));
        await world.TickAsync(Token);

        await world.Bot.RestartAsync();
        world.Bot.Clock.SetUtcNow(Utc("2026-03-02T08:01:00Z"));
        await world.TickAsync(Token);
        var answered = await world.PressAsync(Lead, StandupActions.Submit, PromptKey(Lead, "2026-03-02"), Answers("Closed Contoso", "Demo for Fabrikam"), Token);

        Assert.Equal(1, await world.Bot.QueryAsync(db => db.Outbox.CountAsync(o => o.Key!.StartsWith("standup:") && o.Key.EndsWith(":prompt"), Token)));
        Assert.Contains("Thanks", answered.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(PromptStatus.Answered, await world.Bot.QueryAsync(db => db.StandupPrompts.Where(p => p.Key == PromptKey(Lead, "2026-03-02")).Select(p => p.Status).SingleAsync(Token)));
    }

    internal static Dictionary<string, string> Answers(string yesterday, string today, string blockers = "") =>
        new() { ["q_yesterday"] = yesterday, ["q_today"] = today, ["q_blockers"] = blockers };

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
