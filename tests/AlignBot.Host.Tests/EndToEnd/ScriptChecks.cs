using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;

namespace AlignBot.Host.Tests.EndToEnd;

/// <summary>
/// The checks that run real third-party clients and validators as part of the test command: Microsoft's Teams client
/// emulator against the bot started as the README says, the Teams manifest against its official schema, and the Bicep
/// templates through the Bicep compiler.
/// </summary>
public sealed class ScriptChecks
{
    [Fact]
    public async Task Playground_TeamsClientEmulator_WelcomeHelpProfileAndUnknownTextPass()
    {
        NodeTool.RequireInstalled("playground");
        RequireChromium();

        var (exitCode, output) = await RunScriptAsync(".ci/playground.sh", TimeSpan.FromMinutes(12));

        Assert.True(exitCode == 0, output);
        Assert.Contains("playground: 4/4 steps passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_TeamsClientEmulator_LeadSetsUpStandupOnCardsMemberAnswersPromptAndReportHasTheAnswer()
    {
        NodeTool.RequireInstalled("playground");
        RequireChromium();

        var (exitCode, output) = await RunScriptAsync(".ci/playground.sh", TimeSpan.FromMinutes(12), new Dictionary<string, string>
        {
            ["PLAYGROUND_STEPS"] = "tests/playground/standups.steps.json",
            ["PLAYGROUND_OUT"] = "artifacts/playground-standups",
            ["BOT_PORT"] = "3983",
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains("playground: 8/8 steps passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_TeamsClientEmulator_SellerFilesFeedbackOnTheCardAndOwnerAcknowledgesInPlace()
    {
        NodeTool.RequireInstalled("playground");
        RequireChromium();

        var (exitCode, output) = await RunScriptAsync(".ci/playground.sh", TimeSpan.FromMinutes(12), new Dictionary<string, string>
        {
            ["PLAYGROUND_STEPS"] = "tests/playground/feedback.steps.json",
            ["PLAYGROUND_ENV"] = "tests/playground/feedback.env",
            ["PLAYGROUND_OUT"] = "artifacts/playground-feedback",
            ["BOT_PORT"] = "3981",
        });

        Assert.True(exitCode == 0, output);
        Assert.Contains("playground: 5/5 steps passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsManifest_PassesTheOfficialManifestSchema()
    {
        NodeTool.RequireInstalled("manifestcheck");

        var (exitCode, output) = await RunScriptAsync(".ci/manifest-check.sh", TimeSpan.FromMinutes(5));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Infra_BicepCompilesWithoutWarnings()
    {
        var (exitCode, output) = await RunScriptAsync(".ci/infra-check.sh", TimeSpan.FromMinutes(8));

        Assert.True(exitCode == 0, output);
    }

    private static void RequireChromium()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (File.Exists(chromium))
        {
            return;
        }

        var message = $"No Chromium at {chromium}: apt-get install -y chromium (CI does this in .ci/run).";
        if (Environment.GetEnvironmentVariable("ALIGNBOT_REQUIRE_NODE_TOOLS") == "1")
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    private static Task<(int ExitCode, string Output)> RunScriptAsync(string script, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null) =>
        NodeTool.RunAsync("bash", [Path.Combine(TestPaths.RepositoryRoot, script)], TestPaths.RepositoryRoot, timeout, TestContext.Current.CancellationToken, environment);
}
