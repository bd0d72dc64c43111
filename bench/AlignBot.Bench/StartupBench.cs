using System.Diagnostics;
using System.Globalization;

namespace AlignBot.Bench;

/// <summary>
/// The compiled host started as a process, as in production: time from process start until /healthz answers 200, and
/// its resident memory after 5 seconds idle and again after <c>--settle</c> seconds (default 65: once the scheduler's
/// first ticks have run and the code they use is compiled, which the 5-second reading comes before). The host runs with
/// <c>MALLOC_ARENA_MAX</c> as it is deployed (<c>--malloc-arenas</c>, default 2: infra/ and launchSettings.json set it;
/// 0 leaves glibc's default of up to eight arenas per CPU).
/// </summary>
internal static class StartupBench
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var runs = arguments.Int("runs", 3);
        var settle = arguments.Int("settle", 65);
        var arenas = arguments.Int("malloc-arenas", 2);
        // --host: a published build (bench/startup.sh publishes one as it ships: ReadyToRun); default, the one built beside the bench.
        var hostDll = arguments.Text("host") ?? Path.Combine(AppContext.BaseDirectory, "AlignBot.Host.dll");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        Console.WriteLine($"startup benchmark: {hostDll}, {runs} runs, fresh SQLite database each, " +
            (arenas > 0 ? $"MALLOC_ARENA_MAX={arenas} (as deployed)" : "glibc's default malloc arenas"));
        for (var run = 1; run <= runs; run++)
        {
            var port = FreePort();
            var folder = Directory.CreateTempSubdirectory("alignbot-startup").FullName;
            var start = new ProcessStartInfo("dotnet", [hostDll]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Urls"] = $"http://127.0.0.1:{port}";
            start.Environment["ConnectionStrings__AlignBot"] = $"Data Source={Path.Combine(folder, "alignbot.db")}";
            if (arenas > 0)
            {
                start.Environment["MALLOC_ARENA_MAX"] = arenas.ToString(CultureInfo.InvariantCulture);
            }
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            TimeSpan? ready = null;
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && ready is null)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/healthz");
                    if (response.IsSuccessStatusCode)
                    {
                        ready = watch.Elapsed;
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(10);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var rss = ResidentMegabytes(process.Id);
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, settle - 5)));
            var settled = ResidentMegabytes(process.Id);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Console.WriteLine($"  run {run}: ready in {(ready is { } r ? $"{r.TotalMilliseconds:F0} ms" : "never (60 s)")}, idle RSS after 5 s {rss:F0} MB, after {settle} s {settled:F0} MB");
        }

        return 0;
    }

    private static double ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
