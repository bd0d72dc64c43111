using AlignBot.Core.Feedback;
using static AlignBot.Host.Tests.Feedback.FeedbackWorld;

namespace AlignBot.Host.Tests.Feedback;

/// <summary>
/// The SLA clock in the owner's working hours across a weekend and a holiday: a reminder before the deadline, one
/// escalation to the marketing lead on the breach, none twice (across a restart), and none while the seller owes an answer.
/// </summary>
public sealed class FeedbackSlaTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Friday 27 February 2026, 15:00 in London: two working hours left that day.
    private static readonly DateTimeOffset Friday = Utc("2026-02-27T15:00:00Z");

    [Fact]
    public async Task AcrossAWeekendAndAHoliday_RemindThenEscalateOnce()
    {
        await using var world = await StartAsync(Token, Friday);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, "seller-card");
        var item = (await world.ItemAsync(1))!;

        // Acknowledge: 8 working hours = Fri 15–17 + Mon 09–15. Resolve: 40 h = Fri 2 + Mon 8 + Tue 8 + Thu 8 + Fri 8 + Mon 6 (Wed 4 March is a holiday).
        Assert.Equal(Utc("2026-03-02T15:00:00Z"), item.AcknowledgeDueAt);
        Assert.Equal(Utc("2026-03-09T15:00:00Z"), item.ResolveDueAt);

        // Nothing over the weekend: the clock does not run.
        await world.RunUntilAsync(Utc("2026-03-02T12:30:00Z"), TimeSpan.FromMinutes(30), Token);
        Assert.DoesNotContain(world.Bot.Connector.Requests, r => r.VisibleText.Contains("Reminder: #1", StringComparison.Ordinal));

        // Two working hours before the deadline (a quarter of 8 h), the owner is reminded once.
        await world.RunUntilAsync(Utc("2026-03-02T13:30:00Z"), TimeSpan.FromMinutes(30), Token);
        var reminder = await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Reminder: #1 is due to be acknowledged by Mon 2 Mar 15:00", StringComparison.Ordinal), Token);
        Assert.Contains(Olga.ChatId, reminder.Path, StringComparison.Ordinal);

        await world.Bot.RestartAsync();

        // The breach goes to the marketing lead, once, on their own clock (Berlin).
        await world.RunUntilAsync(Utc("2026-03-02T16:00:00Z"), TimeSpan.FromMinutes(30), Token);
        var escalation = await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("SLA missed: #1 was due to be acknowledged", StringComparison.Ordinal), Token);
        Assert.Contains(MarketingLead.ChatId, escalation.Path, StringComparison.Ordinal);
        await world.RunUntilAsync(Utc("2026-03-02T18:00:00Z"), TimeSpan.FromMinutes(30), Token);
        await world.Bot.OutboxDrainedAsync(Token); // nothing more is on its way
        Assert.Single(world.Bot.Connector.Requests, r => r.VisibleText.Contains("SLA missed: #1 was due to be acknowledged", StringComparison.Ordinal));
        Assert.Single(world.Bot.Connector.Requests, r => r.VisibleText.Contains("Reminder: #1 is due to be acknowledged", StringComparison.Ordinal));
        Assert.Contains("escalated", string.Join(",", await world.Bot.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.FeedbackHistory.Where(h => h.ItemNumber == 1).Select(h => h.Action), Token))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StillOpenAfterTheLeadsWereTold_GoesToTheNextLevel_Once()
    {
        await using var world = await StartAsync(Token, Friday, new Dictionary<string, string?>
        {
            ["AlignBot:Feedback:Escalation:NextLevel:0"] = Vera.Id,
            ["AlignBot:Feedback:Escalation:After"] = "02:00:00",
        });
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, "seller-card");

        // Due Monday 15:00 London; the leads hear at 15:00; two working hours later (17:00) it is still open: Vera hears.
        await world.RunUntilAsync(Utc("2026-03-02T16:30:00Z"), TimeSpan.FromMinutes(30), Token);
        Assert.DoesNotContain(world.Bot.Connector.Requests, r => r.Path.Contains(Vera.ChatId, StringComparison.Ordinal) && r.VisibleText.Contains("Still not acknowledged", StringComparison.Ordinal));
        await world.RunUntilAsync(Utc("2026-03-03T10:00:00Z"), TimeSpan.FromMinutes(30), Token);

        var second = await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Still not acknowledged: #1", StringComparison.Ordinal), Token);
        Assert.Contains(Vera.ChatId, second.Path, StringComparison.Ordinal);
        await world.RunUntilAsync(Utc("2026-03-03T14:00:00Z"), TimeSpan.FromMinutes(30), Token);
        await world.Bot.OutboxDrainedAsync(Token); // nothing more is on its way
        Assert.Single(world.Bot.Connector.Requests, r => r.VisibleText.Contains("Still not acknowledged: #1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaitingOnTheSeller_NoReminderNoEscalation()
    {
        await using var world = await StartAsync(Token, Friday);
        await world.PressAsync(Seller, FeedbackActions.Submit, Request(), Token, "seller-card");
        await world.PressAsync(Olga, FeedbackActions.Ask, Item(1, (FeedbackActions.Question, "Which customer segment?")), Token);

        await world.RunUntilAsync(Utc("2026-03-10T12:00:00Z"), TimeSpan.FromHours(2), Token);

        Assert.DoesNotContain(world.Bot.Connector.Requests, r => r.VisibleText.Contains("SLA missed", StringComparison.Ordinal) || r.VisibleText.Contains("Reminder: #1", StringComparison.Ordinal));
        Assert.Equal(FeedbackStatus.WaitingOnSeller, (await world.ItemAsync(1))!.Status);
    }
}
