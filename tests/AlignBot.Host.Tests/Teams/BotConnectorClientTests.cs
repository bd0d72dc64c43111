using AlignBot.Channels.Teams.Activities;
using AlignBot.Channels.Teams.Connector;
using AlignBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlignBot.Host.Tests.Teams;

/// <summary>The Connector REST client against the loopback connector: paged members, update and delete.</summary>
public sealed class BotConnectorClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAllMembersAsync_SeveralPages_FollowsContinuationTokensToTheEnd()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        for (var i = 0; i < 1203; i++)
        {
            bot.Connector.Members.Add(($"29:user-{i}", $"User {i}", $"aad-{i}"));
        }

        var client = bot.Factory.Services.GetRequiredService<BotConnectorClient>();
        var members = new List<TeamsMember>();
        await foreach (var member in client.GetAllMembersAsync(bot.Connector.ServiceUrl, "19:channel@thread.tacv2", Token))
        {
            members.Add(member);
        }

        Assert.Equal(1203, members.Count);
        Assert.Equal(1203, members.Select(m => m.Id).Distinct().Count());
        Assert.Equal("aad-1202", members[^1].AadObjectId);
        Assert.Equal(3, bot.Connector.Requests.Count); // pages of 500
        Assert.All(bot.Connector.Requests, r => Assert.Equal("/teams/v3/conversations/19:channel@thread.tacv2/pagedmembers", r.Path));
    }

    [Fact]
    public async Task UpdateAndDelete_AddressTheActivity()
    {
        await using var bot = await BotTestContext.StartAsync(Token);
        var client = bot.Factory.Services.GetRequiredService<BotConnectorClient>();

        var updated = await client.UpdateActivityAsync(bot.Connector.ServiceUrl, "a:1", "act-9", new Activity { Type = "message", Text = "new" }, Token);
        var deleted = await client.DeleteActivityAsync(bot.Connector.ServiceUrl, "a:1", "act-9", Token);

        Assert.True(updated.IsSuccess);
        Assert.True(deleted.IsSuccess);
        var requests = bot.Connector.Requests;
        Assert.Equal(("PUT", "/teams/v3/conversations/a:1/activities/act-9"), (requests[0].Method, requests[0].Path));
        Assert.Equal("act-9", (string?)requests[0].Body!["id"]);
        Assert.Equal(("application/json; charset=utf-8", System.Text.Encoding.UTF8.GetByteCount(requests[0].Body!.ToJsonString())), (requests[0].Content.ContentType, (int?)requests[0].Content.ContentLength)); // its length known, not chunked
        Assert.Equal(("DELETE", "/teams/v3/conversations/a:1/activities/act-9"), (requests[1].Method, requests[1].Path));
    }
}
