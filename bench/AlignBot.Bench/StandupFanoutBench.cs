using System.Diagnostics;
using AlignBot.Core.Conversations;
using AlignBot.Data;
using AlignBot.Data.People;
using AlignBot.Host.Standups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Bench;

/// <summary>
/// The real-time fan-out of one stand-up's prompts: N members in one time zone, all due at the same minute, written
/// by the stand-up tick job of the real host in one transaction and delivered by the dispatcher to a fake Bot
/// Connector that enforces Teams' limits (50 requests per second per tenant). Prints the delivery rate as a fraction
/// of the ceiling, the 429s, and lost and duplicated prompts.
/// </summary>
internal static class StandupFanoutBench
{
    public static async Task<int> RunAsync(Arguments arguments)
    {
        var members = arguments.Int("prompts", 5000);
        var tenants = arguments.Int("tenants", 10);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        await using var teams = new FakeTeamsService(enforceLimits: true);
        await teams.StartAsync(stop.Token);

        // Monday 2 March 2026, 08:59 in London: the prompts fall due at 09:00.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 59, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Outbox:PollInterval"] = "00:00:00.200",
            ["AlignBot:Organization:Teams:0:Id"] = "everyone",
            ["AlignBot:Organization:Teams:0:Name"] = "Everyone",
            ["AlignBot:Organization:Teams:0:Kind"] = "Sales",
            ["AlignBot:Organization:Teams:0:TimeZone"] = "Europe/London",
            ["AlignBot:Organization:Teams:0:Standups:0:Name"] = "Daily",
            ["AlignBot:Organization:Teams:0:Standups:0:At"] = "09:00",
            ["AlignBot:Organization:Teams:0:Standups:0:AnswerWindow"] = "04:00:00",
        };
        for (var i = 0; i < members; i++)
        {
            settings[$"AlignBot:Organization:Teams:0:Members:{i}:Id"] = $"aad-{i}";
        }

        var (app, _) = await BenchHost.StartAsync(settings, stop.Token, clock);
        await using var _ = app;

        // Everyone has talked to the bot before: their 1:1 chats are known, spread over the tenants.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            for (var i = 0; i < members; i++)
            {
                db.People.Add(new PersonRecord
                {
                    Platform = Platform.Teams,
                    UserId = $"29:{i}",
                    AadObjectId = $"aad-{i}",
                    DisplayName = $"Member {i}",
                    TenantId = $"tenant-{i % tenants}",
                    TimeZone = "Europe/London",
                    PersonalConversationId = $"a:{i}",
                    ServiceUrl = teams.ServiceUrl(i % tenants),
                    FirstSeenAt = clock.GetUtcNow(),
                    LastSeenAt = clock.GetUtcNow(),
                });
            }

            await db.SaveChangesAsync(stop.Token);
        }

        var nine = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        clock.SetUtcNow(nine);
        var watch = Stopwatch.StartNew();
        int written;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            written = await scope.ServiceProvider.GetRequiredService<StandupTickJob>().RunAsync(stop.Token);
        }

        var tick = watch.Elapsed;
        watch.Restart();
        var ceiling = 50.0 * tenants;
        var deadline = TimeSpan.FromSeconds((members / ceiling * 3) + 60);
        while (teams.PostedTo.Count < members && watch.Elapsed < deadline)
        {
            await Task.Delay(50, stop.Token);
            clock.SetUtcNow(nine + tick + watch.Elapsed); // from here the host's clock keeps real time: retries fall due
        }

        await Task.Delay(2000, stop.Token); // stragglers (duplicates, if any) arrive before counting
        var delivered = teams.PostedTo.Count;
        var duplicated = teams.PostedTo.Values.Sum(n => n - 1);
        var seconds = teams.ActiveSpan.TotalSeconds;
        var accepted = teams.Requests - teams.Throttled;
        Console.WriteLine($"stand-up fan-out benchmark: {members:N0} members in one time zone, all prompted at 09:00, {tenants} tenants, Teams limits enforced by the fake connector");
        Console.WriteLine($"  tick (prompts written)      {written:N0} outbox rows in {tick.TotalSeconds:F2} s");
        Console.WriteLine($"  delivered                   {delivered:N0} prompts in {seconds:F1} s (first request to last delivery)");
        Console.WriteLine($"  requests                    {teams.Requests:N0} ({teams.Throttled:N0} answered 429 = {100.0 * teams.Throttled / Math.Max(1, teams.Requests):F2} %)");
        Console.WriteLine($"  achieved                    {accepted / seconds:F1} requests/s, ceiling {ceiling:F0} requests/s ({tenants} × 50/s per tenant)");
        Console.WriteLine($"  fraction of ceiling         {100.0 * accepted / seconds / ceiling:F1} %");
        Console.WriteLine($"  lost                        {members - delivered:N0}");
        Console.WriteLine($"  duplicated                  {duplicated:N0}");
        return delivered == members && duplicated == 0 ? 0 : 1;
    }
}
