using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("alignbot-batch").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "AlignBot.Host.dll") },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__AlignBot"] = $"Data Source={Path.Combine(folder, "alignbot.db")}",
                ["AlignBot__BatchScheduling"] = batch ? "true" : "false",
                ["AlignBot__Scheduler__Enabled"] = "false",
            },
        };

        using var host = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        var output = host.StandardOutput.ReadToEndAsync(Token);
        try
        {
            await WaitUntilReadyAsync(port, host);
            var policies = Directory.EnumerateDirectories($"/proc/{host.Id}/task").Select(Policy).OfType<int>().ToList();

            Assert.NotEmpty(policies);
            Assert.All(policies, policy => Assert.Equal(batch ? BatchScheduling.BatchPolicy : 0, policy));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(Token);
        }

        Assert.Equal(batch, (await output).Contains("Batch scheduling on", StringComparison.Ordinal));
    }

    private static async Task WaitUntilReadyAsync(int port, Process host)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var tries = 0; tries < 300; tries++)
        {
            Assert.False(host.HasExited, "The host exited before it was ready.");
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, Token);
        }

        Assert.Fail("The host was not ready within 30 s.");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
