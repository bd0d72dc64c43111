using AlignBot.Core.Standups;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Standups.StandupWorld;

namespace AlignBot.Host.Tests.Standups;

/// <summary>Chat commands around stand-ups: who may start one, time zones, out of office; and configuration checked at start.</summary>
public sealed class StandupCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StandupNow_ByMember_IsRefusedWithTheReason()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T16:00:00Z"));

        await world.SayAsync(Tokyo, "standup now", Token);

        var reply = await LastReplyToAsync(world, Tokyo);
        Assert.Contains("Only a team's leads", reply, StringComparison.Ordinal);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.StandupPrompts.CountAsync(Token)));
    }

    [Fact]
    public async Task StandupNow_ByLead_PromptsEveryMemberOnceAndSaysSo()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T16:00:00Z"));

        await world.SayAsync(Lead, "standup now", Token);
        await world.SayAsync(Lead, "standup now", Token);

        Assert.Equal(3, await world.Bot.QueryAsync(db => db.StandupPrompts.CountAsync(p => p.Status == PromptStatus.Prompted, Token)));
        var replies = await RepliesToAsync(world, Lead, 2);
        Assert.Contains("Sent 3 stand-up prompts (Sales daily)", replies[0], StringComparison.Ordinal);
        Assert.Contains("Everyone has already been asked today", replies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeZone_Unknown_ExplainsAndChangesNothing_Known_IsUsed()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));

        await world.SayAsync(Lead, "timezone Mars/Olympus", Token);
        var refused = (await RepliesToAsync(world, Lead, 1))[0];
        await world.SayAsync(Lead, "timezone Asia/Tokyo", Token);
        var accepted = (await RepliesToAsync(world, Lead, 2))[1];

        Assert.Contains("I don't know the time zone", refused, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", refused, StringComparison.Ordinal);
        Assert.Contains("Your time zone is now Asia/Tokyo (it's 15:00 there)", accepted, StringComparison.Ordinal);
        var person = await world.Bot.QueryAsync(db => db.People.SingleAsync(p => p.AadObjectId == Lead.Id, Token));
        Assert.Equal("Asia/Tokyo", person.TimeZone);
        await world.SayAsync(Lead, "hello again", Token); // the client still says Berlin: the person's choice wins
        Assert.Equal("Asia/Tokyo", (await world.Bot.QueryAsync(db => db.People.SingleAsync(p => p.AadObjectId == Lead.Id, Token))).TimeZone);
    }

    [Theory]
    [InlineData("ooo until tomorrow", "Say when you're back")]
    [InlineData("ooo until 2020-01-01", "is in the past")]
    public async Task OutOfOffice_BadDate_ExplainsAndChangesNothing(string text, string reason)
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));

        await world.SayAsync(NewYork, text, Token);

        Assert.Contains(reason, await LastReplyToAsync(world, NewYork), StringComparison.Ordinal);
        Assert.Null((await world.Bot.QueryAsync(db => db.People.SingleAsync(p => p.AadObjectId == NewYork.Id, Token))).OutOfOfficeUntil);
    }

    [Theory]
    [InlineData("AlignBot:Organization:Teams:0:TimeZone", "Mars/Olympus", "AlignBot:Organization:Teams:0:TimeZone 'Mars/Olympus' is not a known IANA time zone")]
    [InlineData("AlignBot:Organization:Teams:0:Standups:0:Participants:0", "aad-stranger", "AlignBot:Organization:Teams:0:Standups:0:Participants names 'aad-stranger'")]
    public async Task Start_BadOrganization_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Organization:Teams:0:Id"] = "sales",
            ["AlignBot:Organization:Teams:0:Members:0:Id"] = "aad-1",
            ["AlignBot:Organization:Teams:0:Standups:0:Name"] = "Daily",
            [key] = value,
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotTestContext.StartAsync(Token, settings));

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> LastReplyToAsync(StandupWorld world, Member member) => (await RepliesToAsync(world, member, 0))[^1];

    /// <summary>The bot's text replies in a member's 1:1 chat, after the help card that answered their first "hello".</summary>
    private static async Task<IReadOnlyList<string>> RepliesToAsync(StandupWorld world, Member member, int atLeast)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var texts = world.Bot.Connector.Requests
                .Where(r => r.IsMessageIn(member.ChatId) && r.Body?["text"] is not null)
                .Select(r => r.VisibleText)
                .ToList();
            if (texts.Count >= Math.Max(1, atLeast))
            {
                return texts;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
