using AlignBot.Host.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Slack;

/// <summary>Slack settings that can't work stop the start with a message naming the key.</summary>
public sealed class SlackOptionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("AlignBot:Slack:AppToken", "xoxb-a-bot-token", "AlignBot:Slack:AppToken must be an app-level token (xapp-...)")]
    [InlineData("AlignBot:Slack:ClientId", "111.222", "AlignBot:Slack:ClientId and ClientSecret go together")]
    [InlineData("AlignBot:Slack:ClientSecret", "secret", "AlignBot:Slack:ClientId and ClientSecret go together")]
    [InlineData("AlignBot:Slack:RedirectUrl", "http://bot.example.com/slack/oauth_redirect", "AlignBot:Slack:RedirectUrl must be an https address")]
    public async Task Start_BadSlackSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "AlignBot:Slack:RedirectUrl")
        {
            settings["AlignBot:Slack:ClientId"] = "111.222";
            settings["AlignBot:Slack:ClientSecret"] = "secret";
        }

        await using var factory = new AlignBotFactory(AlignBotFactory.NewDatabasePath(), new FakeTimeProvider(AlignBotFactory.DefaultStart), settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(factory.Services));

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
