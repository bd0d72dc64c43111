using System.Diagnostics;
using AlignBot.Tests.Shared;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>
/// Runs a checker from shared/tools (official third-party code on Node.js). When the tool is not installed the test
/// is skipped with the install command, unless ALIGNBOT_REQUIRE_NODE_TOOLS=1 (CI), where it fails instead.
/// </summary>
internal static class NodeTool
{
    public static void RequireInstalled(string tool)
    {
        if (Directory.Exists(TestPaths.Tool(tool, "node_modules")))
        {
            return;
        }

        var message = $"{tool} is not installed: run `npm ci --prefix ../shared/tools/{tool}` (CI does this in .ci/run).";
        if (Environment.GetEnvironmentVariable("ALIGNBOT_REQUIRE_NODE_TOOLS") == "1")
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // This test process turns the runtime's inline socket completions off for itself (InlineSockets); a host these
        // scripts start decides for itself, as it does when run as the README says.
        start.Environment.Remove(InlineIo.SocketCompletionsVariable);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
