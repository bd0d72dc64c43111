using System.Net;
using System.Text.Json.Nodes;
using AlignBot.Core.Standups;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.Standups.StandupWorld;

namespace AlignBot.Host.Tests.Standups;

/// <summary>Leads managing stand-ups from chat: pause, resume, delete (audited), report and CSV export; members refused.</summary>
public sealed class StandupAdminTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pause_ByLead_StopsPromptsAndIsAudited_ResumeStartsThemAgain()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));

        await world.SayAsync(Lead, "standup pause sales daily", Token);
        await world.RunUntilAsync(Utc("2026-03-02T09:00:00Z"), TimeSpan.FromMinutes(30), Token);
        var whilePaused = await world.Bot.QueryAsync(db => db.StandupPrompts.CountAsync(Token));
        await world.SayAsync(Lead, "standup resume Sales daily", Token);
        await world.RunUntilAsync(Utc("2026-03-03T09:00:00Z"), TimeSpan.FromMinutes(30), Token);

        Assert.Equal(0, whilePaused);
        Assert.True(await world.Bot.QueryAsync(db => db.StandupPrompts.AnyAsync(p => p.MemberId == Lead.Id && p.LocalDate == new DateOnly(2026, 3, 3), Token)));
        var audit = await world.Bot.QueryAsync(db => db.Audit.OrderBy(a => a.Id).ToListAsync(Token));
        Assert.Equal(["standup.pause", "standup.resume"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Lead.Id, a.ActorAadObjectId));
        Assert.Equal(Utc("2026-03-02T06:00:00Z"), audit[0].At);
    }

    [Fact]
    public async Task Pause_ByMember_IsRefusedAndChangesNothing()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));

        await world.SayAsync(NewYork, "standup pause Sales daily", Token);

        await WaitForTextAsync(world, NewYork, "Only a team's leads");
        Assert.False(await world.Bot.QueryAsync(db => db.Standups.AnyAsync(s => s.Paused, Token)));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.Audit.CountAsync(Token)));
    }

    [Fact]
    public async Task Delete_UnknownName_ListsTheLeadsStandups()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));

        await world.SayAsync(Lead, "standup delete weekly sync", Token);

        await WaitForTextAsync(world, Lead, "No stand-up you lead is called \\\"weekly sync\\\". Yours: Sales daily.");
        Assert.False(await world.Bot.QueryAsync(db => db.Standups.AnyAsync(s => s.Deleted, Token)));
    }

    [Fact]
    public async Task ReportAndExport_AfterAnswers_ShowThemAndTheCsvLinkDownloads()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T07:59:00Z"));
        world.Bot.Clock.SetUtcNow(Utc("2026-03-02T08:00:00Z"));
        await world.TickAsync(Token);
        await world.PressAsync(Lead, StandupActions.Submit, PromptKey(Lead, "2026-03-02"), StandupWeekTests.Answers("Closed \"Contoso\", finally", "=SUM(A1)"), Token);

        await world.SayAsync(Lead, "standup report Sales daily 2026-03-01 2026-03-02", Token);
        var report = await WaitForTextAsync(world, Lead, "Sales daily: 2026-03-01 to 2026-03-02");
        var link = ((string?)JsonNode.Parse(report)!["attachments"]![0]!["content"]!["actions"]![0]!["url"])!;
        var csvResponse = await world.Bot.Client.GetAsync(new Uri(link).PathAndQuery, Token);
        var forged = await world.Bot.Client.GetAsync("/standups/export?token=forged", Token);

        Assert.Contains("Lena Lead", report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync(Token)).TrimStart('\uFEFF');
        Assert.StartsWith("date,member,status,late,answered_at_utc,What did you do since the last stand-up?", csv, StringComparison.Ordinal);
        Assert.Contains("2026-03-02,Lena Lead,answered,no,2026-03-02 08:00,\"Closed \"\"Contoso\"\", finally\",'=SUM(A1),", csv, StringComparison.Ordinal);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // only the lead was prompted yet
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Report_BadRange_Explains()
    {
        await using var world = await StartAsync(Token, Utc("2026-03-02T06:00:00Z"));

        await world.SayAsync(Lead, "standup report Sales daily 2026-03-05 2026-03-01", Token);

        await WaitForTextAsync(world, Lead, "The range starts after it ends");
    }

    private static async Task<string> WaitForTextAsync(StandupWorld world, Member member, string text) =>
        (await world.Bot.Connector.WaitForAsync(
            r => r.IsMessageIn(member.ChatId) && r.VisibleText.Contains(text, StringComparison.Ordinal),
            Token)).VisibleText;
}
