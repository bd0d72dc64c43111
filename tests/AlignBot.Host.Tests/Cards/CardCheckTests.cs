using System.Text.Json.Nodes;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Channels.Teams;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;

namespace AlignBot.Host.Tests.Cards;

/// <summary>
/// Every card AlignBot can build, as Teams receives it (the bare card and the activity with its attachment), accepted by
/// the official Adaptive Cards SDK and the 1.5 schema through shared/tools/cardcheck with 0 errors and 0 warnings.
/// The cards are also rendered to artifacts/cards for people to look at when Chromium is present.
/// </summary>
public sealed class CardCheckTests
{
    [Fact]
    public async Task EveryCard_PassesCardCheckWithNoErrorsOrWarnings()
    {
        NodeTool.RequireInstalled("cardcheck");
        var folder = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "cards");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var written = 0;
        var to = new ConversationRef(Platform.Teams, "t", "a:1", ConversationKind.Personal, "https://smba.trafficmanager.net/amer/");
        foreach (var (name, card) in CardGallery.All())
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), CardJson.Serialize(card), TestContext.Current.CancellationToken);
            var activity = TeamsSender.Render(OutboundMessage.Send(to, MessageContent.FromCard(card, name)));
            var activityJson = System.Text.Json.JsonSerializer.SerializeToNode(activity, AlignBot.Channels.Teams.Activities.ActivityJson.Options)!;
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".activity.json"), activityJson.ToJsonString(), TestContext.Current.CancellationToken);
            written++;
        }

        var arguments = new List<string> { TestPaths.Tool("cardcheck", "cardcheck.js"), "--schema" };
        if (File.Exists(Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium"))
        {
            arguments.AddRange(["--render", Path.Combine(folder, "png")]);
        }

        arguments.Add(folder);
        var (exitCode, output) = await NodeTool.RunAsync("node", arguments, TestPaths.RepositoryRoot, TimeSpan.FromMinutes(3), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{written * 2} card", output, StringComparison.Ordinal);
        Assert.Contains("0 errors, 0 warnings", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardCheck_BrokenCard_IsRejected()
    {
        // The check must be able to fail: a card with an unknown element and an Execute without verb.
        NodeTool.RequireInstalled("cardcheck");
        var folder = Directory.CreateTempSubdirectory("alignbot-broken-card").FullName;
        var broken = JsonNode.Parse(CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock("x")] }))!;
        broken["body"]!.AsArray().Add(new JsonObject { ["type"] = "FancyChart" });
        broken["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Execute", ["title"] = "Go" });
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), broken.ToJsonString(), TestContext.Current.CancellationToken);

        var (exitCode, output) = await NodeTool.RunAsync("node", [TestPaths.Tool("cardcheck", "cardcheck.js"), "--schema", folder], TestPaths.RepositoryRoot, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("FancyChart", output, StringComparison.Ordinal);
    }
}
