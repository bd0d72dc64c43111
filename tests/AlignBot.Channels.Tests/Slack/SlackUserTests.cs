using System.Text.Json.Nodes;
using AlignBot.Channels.Slack.Api;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>users.info's person read into what AlignBot keeps of them.</summary>
public sealed class SlackUserTests
{
    [Fact]
    public void ReadUser_FullProfile_DisplayNameZoneLocaleEmail()
    {
        var json = JsonNode.Parse("""
            { "id": "W012A3CDE", "team_id": "T012AB3C4", "name": "spengler", "deleted": false, "real_name": "Egon Spengler",
              "tz": "America/Los_Angeles", "tz_offset": -25200, "locale": "en-US", "is_bot": false,
              "profile": { "real_name": "Egon Spengler", "display_name": "spengler", "email": "spengler@ghostbusters.example.com" } }
            """);

        var user = SlackWebApiClient.ReadUser(json);

        Assert.Equal(new SlackUser("W012A3CDE", "T012AB3C4", "spengler", "America/Los_Angeles", -25200, "en-US", "spengler@ghostbusters.example.com", false, false), user);
    }

    [Fact]
    public void ReadUser_NoDisplayNameNoZone_RealNameAndNullZone()
    {
        var json = JsonNode.Parse("""{ "id": "U1", "real_name": "Ann Example", "profile": { "display_name": "" }, "is_bot": true }""");

        var user = SlackWebApiClient.ReadUser(json);

        Assert.NotNull(user);
        Assert.Equal("Ann Example", user.Name);
        Assert.Null(user.TimeZone);
        Assert.True(user.IsBot);
    }

    [Fact]
    public void ReadUser_NoId_Null() => Assert.Null(SlackWebApiClient.ReadUser(JsonNode.Parse("""{ "name": "x" }""")));
}
