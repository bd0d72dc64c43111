using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AlignBot.Host.Tests.Hosting;

/// <summary>
/// Batch scheduling: on by default when the process may use one CPU, as configured when set; and a host started with it
/// has every thread under Linux's batch policy, one started without it none (checked on a real process, since the policy
/// belongs to the threads of the process that sets it).
/// </summary>
public sealed class BatchSchedulingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    [InlineData("false")]
    public void Enabled_OneCpuUnlessConfigured(string? configured)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : [new KeyValuePair<string, string?>(BatchScheduling.Key, configured)])
            .Build();

        var expected = configured is null ? Environment.ProcessorCount == 1 : bool.Parse(configured);
        Assert.Equal(expected, BatchScheduling.Enabled(configuration));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Host_Started_ItsThreadsScheduledAsConfigured(bool batch)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Scheduling policies are Linux's.");
        var folder = Directory.CreateTempSubdirectory("alignbot-batch").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "AlignBot.Host.dll") },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Urls"] = "http://127.0.0.1:0",
                ["ConnectionStrings__AlignBot"] = $"Data Source={Path.Combine(folder, "alignbot.db")}",
                ["AlignBot__BatchScheduling"] = batch ? "true" : "false",
                ["AlignBot__Scheduler__Enabled"] = "false",
            },
        };

        using var host = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        try
        {
            var logged = await UntilStartedAsync(host);
            var policies = Directory.EnumerateDirectories($"/proc/{host.Id}/task").Select(Policy).OfType<int>().ToList();

            Assert.NotEmpty(policies);
            Assert.All(policies, policy => Assert.Equal(batch ? BatchScheduling.BatchPolicy : 0, policy));
            Assert.Equal(batch, logged.Contains("Batch scheduling on", StringComparison.Ordinal));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(Token);
        }
    }

    /// <summary>What the host logged until it said it had started (its threads are all there by then).</summary>
    private static async Task<string> UntilStartedAsync(Process host)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(TimeSpan.FromSeconds(60)); // a guard against a host that never starts, not a timing
        var logged = new System.Text.StringBuilder();
        while (await host.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            logged.AppendLine(line);
            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                return logged.ToString();
            }
        }

        Assert.Fail($"The host exited before it started:{Environment.NewLine}{logged}");
        return "";
    }

    /// <summary>A thread's scheduling policy: field 41 of its <c>stat</c>, counted after the name in parentheses; null when it has ended.</summary>
    private static int? Policy(string task)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[41 - 3], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
