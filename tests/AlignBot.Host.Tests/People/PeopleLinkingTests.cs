using AlignBot.Core.Conversations;
using AlignBot.Core.People;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AlignBot.Host.Tests.People.PeopleWorld;

namespace AlignBot.Host.Tests.People;

/// <summary>
/// One member on Teams and Slack: linked by the email Slack verified (never by name), or by an admin; reached on one
/// platform only — the one they chose, else where they last talked to AlignBot.
/// </summary>
public sealed class PeopleLinkingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Tuesday 3 March 2026, 10:00 UTC: 04:00 in Chicago, five hours before Sam's 09:00 stand-up.
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task SlackEmailEqualsMemberEmail_Linked_PromptGoesWhereTheyLastTalkedThenWhereTheyChose_OnceEach()
    {
        await using var world = await StartAsync(Start, Token);
        world.Slack.Users[SamOnSlack.UserId] = "Sam@Contoso.com"; // Slack's verified email, in another case
        await world.SayOnTeamsAsync(Sam, "hello", Token);
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(1));

        await world.SayOnSlackAsync(SamOnSlack, "hello", Token);

        Assert.Equal(Sam.Id, await world.EmailCheckedAsync(SamOnSlack, Token));
        var link = await world.Bot.QueryAsync(db => db.PersonLinks.SingleAsync(Token));
        Assert.Equal((Platform.Slack, SamOnSlack.UserId, Sam.Id, LinkSource.Email), (link.Platform, link.UserId, link.MemberId, link.Source));

        // 09:00 in Chicago: Sam last talked to AlignBot on Slack, so the prompt goes to his Slack DM only, once.
        world.Bot.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-03T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var teamsBefore = world.Bot.Connector.Requests.Count;
        Assert.Equal(1, await world.TickStandupsAsync(Token));
        Assert.Equal(0, await world.TickStandupsAsync(Token));
        await world.Bot.OutboxDrainedAsync(Token);
        var prompt = Assert.Single(world.Slack.CallsOf("chat.postMessage"), c => c.VisibleText.Contains("Sales daily", StringComparison.Ordinal));
        Assert.Equal(SamOnSlack.Channel, (string?)prompt.Body?["channel"]);
        Assert.DoesNotContain(world.Bot.Connector.Requests.Skip(teamsBefore), r => r.VisibleText.Contains("Sales daily", StringComparison.Ordinal));

        // He chooses Teams (from Slack): the next day's prompt goes to his Teams chat only.
        await world.SayOnSlackAsync(SamOnSlack, "reach me on teams", Token);
        await world.Slack.WaitForAsync(c => c.VisibleText.Contains("AlignBot will reach you on Teams.", StringComparison.Ordinal), Token);
        world.Bot.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-04T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var slackBefore = world.Slack.CallsOf("chat.postMessage").Count;
        Assert.Equal(1, await world.TickStandupsAsync(Token));
        await world.Bot.OutboxDrainedAsync(Token);
        Assert.Single(world.Bot.Connector.Requests, r => r.IsMessageIn(Sam.ChatId) && r.VisibleText.Contains("Sales daily", StringComparison.Ordinal));
        Assert.Equal(slackBefore, world.Slack.CallsOf("chat.postMessage").Count);
    }

    [Fact]
    public async Task OutOfOfficeSetOnTeams_ReachedOnSlack_NotPromptedAnywhere()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:0:Members:0:SlackUserId"] = SamOnSlack.UserId });
        await world.SayOnTeamsAsync(Sam, "ooo until 2026-03-05", Token);
        await world.SayOnSlackAsync(SamOnSlack, "reach me on slack", Token);
        await world.Slack.WaitForAsync(c => c.VisibleText.Contains("AlignBot will reach you on Slack.", StringComparison.Ordinal), Token);

        world.Bot.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-03T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await world.TickStandupsAsync(Token);
        await world.Bot.OutboxDrainedAsync(Token);

        Assert.DoesNotContain(world.Slack.CallsOf("chat.postMessage"), c => c.VisibleText.Contains("Sales daily", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Bot.Connector.Requests, r => r.VisibleText.Contains("Sales daily", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlackEmailEqualsTheTeamsAccountsEmail_Linked_WithoutAnEmailInConfiguration()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?> { ["AlignBot:Organization:Teams:0:Members:0:Email"] = null });
        world.Bot.Connector.Members.Add((Sam.UserId, Sam.Name, Sam.Id));
        world.Bot.Connector.Emails[Sam.UserId] = "sam.seller@contoso.com";
        world.Slack.Users[SamOnSlack.UserId] = "sam.seller@contoso.com";
        await world.Bot.PostActivityAsync(world.Bot.Payload("conversationUpdate.membersAdded.bot-added-personal.json", a =>
        {
            a["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Sam.UserId, ["aadObjectId"] = Sam.Id };
            a["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Sam.ChatId, ["conversationType"] = "personal" };
            a["channelData"] = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = Tenant } };
        }), Token); // Teams' install names the account: the member list gives its email

        await world.SayOnSlackAsync(SamOnSlack, "hello", Token);

        Assert.Equal(Sam.Id, await world.EmailCheckedAsync(SamOnSlack, Token));
        Assert.Equal(LinkSource.Email, await world.Bot.QueryAsync(db => db.PersonLinks.Select(l => l.Source).SingleAsync(Token)));
    }

    [Theory]
    [InlineData("someone.else@contoso.com")]
    [InlineData(null)]
    public async Task SlackEmailDiffersOrIsMissing_NotLinked_AndNotPromptedOnSlack(string? slackEmail)
    {
        await using var world = await StartAsync(Start, Token);
        world.Slack.Users[SamOnSlack.UserId] = slackEmail;
        await world.SayOnTeamsAsync(Sam, "hello", Token);
        world.Bot.Clock.Advance(TimeSpan.FromMinutes(1));

        await world.SayOnSlackAsync(SamOnSlack, "hello", Token);

        Assert.Null(await world.EmailCheckedAsync(SamOnSlack, Token));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.PersonLinks.CountAsync(Token)));
        Assert.Single(world.Slack.CallsOf("users.info"));
        world.Bot.Clock.SetUtcNow(DateTimeOffset.Parse("2026-03-03T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, await world.TickStandupsAsync(Token));
        await world.Bot.OutboxDrainedAsync(Token);
        Assert.DoesNotContain(world.Slack.CallsOf("chat.postMessage"), c => c.VisibleText.Contains("Sales daily", StringComparison.Ordinal));
        Assert.Single(world.Bot.Connector.Requests, r => r.IsMessageIn(Sam.ChatId) && r.VisibleText.Contains("Sales daily", StringComparison.Ordinal));

        await world.SayOnSlackAsync(SamOnSlack, "hello again", Token); // asked once, not on every message
        await world.Bot.OutboxDrainedAsync(Token);
        Assert.Single(world.Slack.CallsOf("users.info"));
    }

    [Fact]
    public async Task AdminLinksAndUnlinks_AppliedAndAudited()
    {
        await using var world = await StartAsync(Start, Token);
        await world.SayOnTeamsAsync(Sam, "hello", Token);
        await world.SayOnSlackAsync(SamOnSlack, "hello", Token); // Slack has no email for him: nobody links him by email
        await world.SayOnTeamsAsync(Admin, "hello", Token);

        await world.SayOnTeamsAsync(Admin, $"link {SamOnSlack.UserId} {SamEmail}", Token); // on Teams, the Slack id as such

        var linked = await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Linked: Slack user", StringComparison.Ordinal), Token);
        Assert.Contains("Sam Seller (aad-sam)", linked.VisibleText, StringComparison.Ordinal);
        Assert.Equal(Sam.Id, await world.Bot.QueryAsync(db => db.People.Where(p => p.Platform == Platform.Slack && p.UserId == SamOnSlack.UserId).Select(p => p.AadObjectId).SingleAsync(Token)));
        var link = await world.Bot.QueryAsync(db => db.PersonLinks.SingleAsync(Token));
        Assert.Equal((LinkSource.Admin, Admin.Id), (link.Source, link.LinkedBy));

        // Sam on Slack is now the member: whoami shows his Teams identity too.
        await world.SayOnSlackAsync(SamOnSlack, "whoami", Token);
        await world.Slack.WaitForAsync(c => c.VisibleText.Contains("Also on Teams", StringComparison.Ordinal), Token);

        await world.SayOnTeamsAsync(Admin, $"unlink {SamOnSlack.UserId}", Token);

        await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains("Unlinked: Slack user", StringComparison.Ordinal), Token);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.PersonLinks.CountAsync(Token)));
        Assert.Null(await world.Bot.QueryAsync(db => db.People.Where(p => p.Platform == Platform.Slack && p.UserId == SamOnSlack.UserId).Select(p => p.AadObjectId).SingleAsync(Token)));
        var audit = await world.Bot.QueryAsync(db => db.Audit.OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorAadObjectId, a.Details }).ToListAsync(Token));
        Assert.Equal(["people.link", "people.unlink"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Admin.Id, a.ActorAadObjectId));
    }

    [Theory]
    [InlineData("link <@U0SAM> sam@contoso.com", "Only an admin can link people")]
    [InlineData("unlink <@U0SAM>", "Only an admin can unlink people")]
    public async Task NonAdminLinks_Refused_NothingChanged(string command, string expected)
    {
        await using var world = await StartAsync(Start, Token);
        await world.SayOnTeamsAsync(Olga, "hello", Token);

        await world.SayOnTeamsAsync(Olga, command, Token);

        await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains(expected, StringComparison.Ordinal), Token);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.PersonLinks.CountAsync(Token)));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.Audit.CountAsync(Token)));
    }

    [Theory]
    [InlineData("link U0SAM nobody@contoso.com", "No organization member goes by 'nobody@contoso.com'")]
    [InlineData("link Sam Seller", "Say `link <@slack user> <member id or email>`")]
    [InlineData("link <@U0SAM>", "Say `link <@slack user> <member id or email>`")]
    [InlineData("unlink U0SAM", "is not linked to anyone. Nothing changed.")]
    [InlineData("unlink sam", "Say `unlink <@slack user>`")]
    [InlineData("reach me on email", "Say `reach me on teams` or `reach me on slack` ('email' is neither)")]
    public async Task BadArguments_ClearAnswer_NothingChanged(string command, string expected)
    {
        await using var world = await StartAsync(Start, Token);
        await world.SayOnTeamsAsync(Admin, "hello", Token);

        await world.SayOnTeamsAsync(Admin, command, Token);

        await world.Bot.Connector.WaitForAsync(r => r.VisibleText.Contains(expected, StringComparison.Ordinal), Token);
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.PersonLinks.CountAsync(Token)));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.Audit.CountAsync(Token)));
        Assert.Equal(0, await world.Bot.QueryAsync(db => db.People.CountAsync(p => p.ReachOn != null, Token)));
    }

    [Fact]
    public async Task ConfiguredSlackUserId_LinkedOnFirstSight_WhateverSlacksProfileSays()
    {
        await using var world = await StartAsync(Start, Token, new Dictionary<string, string?>
        {
            ["AlignBot:Organization:Teams:0:Members:0:Email"] = null,
            ["AlignBot:Organization:Teams:0:Members:0:SlackUserId"] = SamOnSlack.UserId,
        });

        world.Slack.Users[SamOnSlack.UserId] = "someone.else@contoso.com";
        await world.SayOnSlackAsync(SamOnSlack, "whoami", Token);

        await world.Slack.WaitForAsync(c => c.Method == "chat.postMessage", Token);
        await world.Slack.WaitForAsync(c => c.Method == "users.info", Token); // the profile read after the ack changes nothing of the link
        Assert.Equal(Sam.Id, await world.Bot.QueryAsync(db => db.People.Where(p => p.Platform == Platform.Slack && p.UserId == SamOnSlack.UserId).Select(p => p.AadObjectId).SingleAsync(Token)));
    }

    [Theory]
    [InlineData("AlignBot:Organization:Teams:0:Members:0:Email", "sam at contoso", "member 0 (aad-1) has Email 'sam at contoso', which is not an email address")]
    [InlineData("AlignBot:Organization:Teams:0:Members:0:SlackUserId", "sam", "member 0 (aad-1) has SlackUserId 'sam', which is not a Slack user id")]
    [InlineData("AlignBot:Organization:Teams:0:Members:1:Email", "SAM@contoso.com", "Email 'sam@contoso.com' is given to more than one member (aad-1, aad-2)")]
    public async Task Start_BadMemberEmailOrSlackUserId_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Organization:Teams:0:Id"] = "sales",
            ["AlignBot:Organization:Teams:0:Members:0:Id"] = "aad-1",
            ["AlignBot:Organization:Teams:0:Members:0:Email"] = "sam@contoso.com",
            ["AlignBot:Organization:Teams:0:Members:1:Id"] = "aad-2",
            [key] = value,
        };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotTestContext.StartAsync(Token, settings));

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
