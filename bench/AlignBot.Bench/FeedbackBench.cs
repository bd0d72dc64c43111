using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlignBot.Core.Feedback;
using AlignBot.Data;
using AlignBot.Host.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Bench;

/// <summary>
/// Feedback at scale. (a) The rule engine alone: N realistic rules (kinds, topics, keywords; the match near the end),
/// 10,000 varied drafts, decisions per second and the time per decision. (b) The whole path through the real host on
/// SQLite and a fake clock: sellers file items on the card (POST /api/messages, Action.Execute) across a simulated
/// quarter, owners in several time zones acknowledge and resolve a share of them, and the SLA tick runs every 15
/// simulated minutes: items filed, reminders and escalations sent, and the SLA evaluation time per tick.
/// </summary>
internal static class FeedbackBench
{
    private const string Tenant = "tenant-bench";

    private static readonly string[] TeamZones = ["America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Tokyo"];

    private static readonly string[] Words =
    [
        "customer", "asked", "for", "pricing", "deck", "security", "review", "case", "study", "healthcare", "renewal", "competitor",
        "discount", "integration", "roadmap", "demo", "webinar", "analytics", "dashboard", "migration", "compliance", "onboarding",
        "battlecard", "procurement", "budget", "pilot", "champion", "objection", "latency", "uptime",
    ];

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var items = arguments.Int("items", 10_000);
        var owners = arguments.Int("owners", 50);
        var rules = arguments.Int("rules", 200);
        var engineOk = RuleEngine(rules, items);
        Console.WriteLine();
        var pathOk = await WholePathAsync(items, owners);
        return engineOk && pathOk ? 0 : 1;
    }

    /// <summary>(a) The rule engine alone.</summary>
    private static bool RuleEngine(int ruleCount, int draftCount)
    {
        var random = new Random(7);
        var kinds = Enum.GetValues<FeedbackKind>();
        var topics = Enumerable.Range(0, 40).Select(i => $"Product {i}").ToArray();
        var list = new List<RoutingRule>();
        var catchAll = kinds.Length;
        for (var i = 0; i < ruleCount - catchAll; i++)
        {
            // Realistic rules: a kind or two, a few topics, and keywords that the drafts do not contain, so every draft
            // is checked against them all before the catch-alls at the end.
            list.Add(new RoutingRule(
                $"rule {i}",
                new HashSet<FeedbackKind> { kinds[i % kinds.Length], kinds[(i + 2) % kinds.Length] },
                new HashSet<string>(Enumerable.Range(0, 1 + (i % 4)).Select(t => topics[(i + (t * 7)) % topics.Length]), StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                new HashSet<FeedbackUrgency>(),
                [$"keyword{i}", $"sku-{i}", $"launch plan {i}"],
                $"owner-{i % 50}",
                null));
        }

        for (var k = 0; k < catchAll; k++)
        {
            list.Add(new RoutingRule($"all {kinds[k]}", new HashSet<FeedbackKind> { kinds[k] }, new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<FeedbackUrgency>(), [], $"owner-{k}", null));
        }

        var routing = new FeedbackRouting(list, new Dictionary<string, RoutingQueue>(), "owner-0");
        var drafts = Enumerable.Range(0, draftCount).Select(_ => new FeedbackDraft(
            kinds[random.Next(kinds.Length)], topics[random.Next(topics.Length)], null, null, null, null, null, "Contoso", null, FeedbackUrgency.Normal,
            string.Join(' ', Enumerable.Range(0, 25 + random.Next(20)).Select(_ => Words[random.Next(Words.Length)])))).ToList();

        foreach (var draft in drafts.Take(500))
        {
            routing.Match(draft); // warm-up: JIT and tiering
        }

        var times = new double[drafts.Count];
        var matchedAt = 0L;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < drafts.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var match = routing.Match(drafts[i]);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            matchedAt += list.IndexOf(match.Rule!); // every draft has a kind, so a catch-all always matches
        }

        total.Stop();
        Array.Sort(times);
        var mean = times.Average();
        var p99 = Percentile(times, 0.99);
        Console.WriteLine($"feedback rule engine: {ruleCount} rules ({ruleCount - catchAll} with kinds, topics and keywords, then {catchAll} catch-alls), {draftCount:N0} drafts of 25-45 words");
        Console.WriteLine($"  decisions per second        {draftCount / total.Elapsed.TotalSeconds:N0} /s");
        Console.WriteLine($"  time per decision           mean {mean * 1000:F1} µs, p99 {p99 * 1000:F1} µs, max {times[^1] * 1000:F1} µs (target < 1 ms)");
        Console.WriteLine($"  rule that matched           #{(double)matchedAt / draftCount:F0} of {ruleCount} on average");
        return p99 < 1.0;
    }

    /// <summary>(b) The whole path through the real host.</summary>
    private static async Task<bool> WholePathAsync(int itemCount, int ownerCount)
    {
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero); // a Monday; 13 weeks to Sunday 5 April
        var quarter = TimeSpan.FromDays(91);
        var tick = TimeSpan.FromMinutes(15);
        var ticks = (int)(quarter / tick);
        var clock = new FakeTimeProvider(start);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var cancellationToken = stop.Token;
        await using var teams = new FakeTeamsService(enforceLimits: false);
        await teams.StartAsync(cancellationToken);

        var sellers = Enumerable.Range(0, 100).Select(i => new Person($"aad-seller-{i}", $"Seller {i}", "America/Chicago")).ToList();
        var ownerPeople = Enumerable.Range(0, ownerCount).Select(i => new Person($"aad-owner-{i}", $"Owner {i}", TeamZones[i % TeamZones.Length])).ToList();
        var settings = new Dictionary<string, string?>
        {
            ["AlignBot:Outbox:PollInterval"] = "00:00:00.200",
            ["AlignBot:Organization:Teams:0:Id"] = "sales",
            ["AlignBot:Organization:Teams:0:Name"] = "Sales",
            ["AlignBot:Organization:Teams:0:Kind"] = "Sales",
            ["AlignBot:Organization:Teams:0:TimeZone"] = "America/Chicago",
            ["AlignBot:Feedback:DefaultOwner"] = ownerPeople[0].Id,
        };
        for (var i = 0; i < sellers.Count; i++)
        {
            settings[$"AlignBot:Organization:Teams:0:Members:{i}:Id"] = sellers[i].Id;
        }

        for (var z = 0; z < TeamZones.Length; z++)
        {
            var team = $"AlignBot:Organization:Teams:{z + 1}";
            settings[$"{team}:Id"] = $"marketing-{z}";
            settings[$"{team}:Name"] = $"Marketing {TeamZones[z]}";
            settings[$"{team}:Kind"] = "Marketing";
            settings[$"{team}:TimeZone"] = TeamZones[z];
            var inTeam = ownerPeople.Where((_, i) => i % TeamZones.Length == z).ToList();
            settings[$"{team}:Leads:0:Id"] = inTeam[0].Id;
            settings[$"{team}:Leads:0:Name"] = inTeam[0].Name;
            for (var m = 1; m < inTeam.Count; m++)
            {
                settings[$"{team}:Members:{m - 1}:Id"] = inTeam[m].Id;
                settings[$"{team}:Members:{m - 1}:Name"] = inTeam[m].Name;
            }
        }

        for (var i = 0; i < ownerCount; i++)
        {
            settings[$"AlignBot:Feedback:Topics:{i}"] = $"Topic {i}";
            settings[$"AlignBot:Feedback:Rules:{i}:Name"] = $"Topic {i} to its owner";
            settings[$"AlignBot:Feedback:Rules:{i}:Topics:0"] = $"Topic {i}";
            settings[$"AlignBot:Feedback:Rules:{i}:Owner"] = ownerPeople[i].Id;
        }

        var (app, baseUrl) = await BenchHost.StartAsync(settings, cancellationToken, clock);
        await using var _ = app;
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var next = 0;

        async Task PostAsync(JsonObject activity)
        {
            activity["id"] = $"bench-{Interlocked.Increment(ref next)}";
            using var response = await http.PostAsJsonAsync("/api/messages", activity, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("Almost there", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The benchmark's feedback card was refused: " + body[..Math.Min(body.Length, 400)]);
            }
        }

        foreach (var person in sellers.Concat(ownerPeople))
        {
            await PostAsync(Message(person, "hello", teams)); // the bot learns each person's 1:1 chat and time zone
        }

        // Owners acknowledge 85% of items 0.5-12 h after filing and resolve 70% 4-80 h after that; the rest breach.
        var random = new Random(11);
        var actions = new PriorityQueue<(string Verb, long Number, Person Owner), DateTimeOffset>();
        var tickTimes = new List<double>(ticks);
        var openCounts = new List<int>(ticks);
        var filed = 0;
        var acknowledged = 0;
        var resolved = 0;
        var wall = Stopwatch.StartNew();
        for (var t = 0; t < ticks; t++)
        {
            var windowEnd = start + (tick * (t + 1));
            var due = (int)((long)itemCount * (t + 1) / ticks);
            for (; filed < due; filed++)
            {
                var topic = random.Next(ownerCount);
                var seller = sellers[random.Next(sellers.Count)];
                var fileAt = start + (tick * t) + ((tick * (filed % 7)) / 8);
                if (fileAt > clock.GetUtcNow())
                {
                    clock.SetUtcNow(fileAt);
                }

                await PostAsync(Press(seller, FeedbackActions.Submit, new()
                {
                    [FeedbackForm.Kind] = FiledKinds[random.Next(FiledKinds.Length)].ToString(),
                    [FeedbackForm.Topic] = $"Topic {topic}",
                    [FeedbackForm.Urgency] = random.Next(10) == 0 ? "High" : "Normal",
                    [FeedbackForm.Description] = $"Customer asked for a {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} for the renewal",
                    [FeedbackActions.SendAsNew] = "true", // every filing is its own item here; the +1 offer has its own tests
                }, teams));
                var number = (long)filed + 1;
                var filedAt = clock.GetUtcNow();
                if (random.NextDouble() < 0.85)
                {
                    var ackAt = filedAt + TimeSpan.FromHours(0.5 + (random.NextDouble() * 11.5));
                    actions.Enqueue((FeedbackActions.Acknowledge, number, ownerPeople[topic]), ackAt);
                    if (random.NextDouble() < 0.82)
                    {
                        actions.Enqueue((FeedbackActions.Resolve, number, ownerPeople[topic]), ackAt + TimeSpan.FromHours(4 + (random.NextDouble() * 76)));
                    }
                }
            }

            while (actions.TryPeek(out var action, out var at) && at <= windowEnd)
            {
                actions.Dequeue();
                if (at > clock.GetUtcNow())
                {
                    clock.SetUtcNow(at);
                }

                var data = new Dictionary<string, string> { [FeedbackActions.Item] = action.Number.ToString(CultureInfo.InvariantCulture) };
                if (action.Verb == FeedbackActions.Resolve)
                {
                    data[FeedbackActions.Note] = "Here it is: the new one-pager is in the content library.";
                    resolved++;
                }
                else
                {
                    acknowledged++;
                }

                await PostAsync(Press(action.Owner, action.Verb, data, teams));
            }

            clock.SetUtcNow(windowEnd);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            openCounts.Add(await db.FeedbackItems.CountAsync(i => i.Status != FeedbackStatus.Resolved && i.Status != FeedbackStatus.Declined, cancellationToken));
            var started = Stopwatch.GetTimestamp();
            await scope.ServiceProvider.GetRequiredService<FeedbackTickJob>().RunAsync(cancellationToken);
            tickTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if ((t + 1) % (ticks / 13) == 0)
            {
                Console.Error.WriteLine($"  … week {(t + 1) / (ticks / 13)} of 13: {filed:N0} filed, {openCounts[^1]:N0} open, {wall.Elapsed.TotalSeconds:F0} s");
            }
        }

        var simulated = wall.Elapsed;
        int reminders;
        int escalations;
        int stored;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlignBotDbContext>();
            reminders = await db.Outbox.CountAsync(o => o.Key != null && o.Key.StartsWith("feedback:") && o.Key.EndsWith(":reminder"), cancellationToken);
            escalations = await db.Outbox.CountAsync(o => o.Key != null && o.Key.StartsWith("feedback:") && o.Key.Contains(":escalation:"), cancellationToken);
            stored = await db.FeedbackItems.CountAsync(cancellationToken);
        }

        var sorted = tickTimes.Order().ToArray();
        var busiest = tickTimes.IndexOf(sorted[^1]);
        Console.WriteLine($"feedback whole path: real host, SQLite, {sellers.Count} sellers, {ownerCount} owners in {TeamZones.Length} time zones (one rule per topic), 13 weeks on a fake clock, the SLA tick every 15 simulated minutes");
        Console.WriteLine($"  items filed                 {filed:N0} through POST /api/messages ({stored:N0} stored)");
        Console.WriteLine($"  owner actions               {acknowledged:N0} acknowledged, {resolved:N0} resolved (through the owner's card)");
        Console.WriteLine($"  SLA reminders sent          {reminders:N0}");
        Console.WriteLine($"  SLA escalations sent        {escalations:N0} (one card per marketing lead per breach)");
        Console.WriteLine($"  SLA ticks                   {ticks:N0}");
        Console.WriteLine($"  SLA evaluation per tick     mean {tickTimes.Average():F2} ms, p99 {Percentile(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms");
        Console.WriteLine($"  open items per tick         mean {openCounts.Average():N0}, max {openCounts.Max():N0} (the slowest tick had {openCounts[busiest]:N0})");
        Console.WriteLine($"  wall time of the simulation {simulated.TotalSeconds:F1} s");
        return stored == itemCount;
    }

    private static JsonObject Message(Person person, string text, FakeTeamsService teams) => new()
    {
        ["type"] = "message",
        ["channelId"] = "msteams",
        ["serviceUrl"] = teams.ServiceUrl(0),
        ["text"] = text,
        ["from"] = From(person),
        ["recipient"] = new JsonObject { ["id"] = "28:alignbot" },
        ["conversation"] = Chat(person),
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = person.TimeZone }),
    };

    /// <summary>Kinds whose card needs only the fields filled here (asset feedback and lead quality need more).</summary>
    private static readonly FeedbackKind[] FiledKinds = [FeedbackKind.ContentGap, FeedbackKind.ContentRequest, FeedbackKind.CompetitiveIntel];

    private static JsonObject Press(Person person, string verb, Dictionary<string, string> data, FakeTeamsService teams)
    {
        var payload = new JsonObject();
        foreach (var (key, value) in data)
        {
            payload[key] = value;
        }

        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["channelId"] = "msteams",
            ["serviceUrl"] = teams.ServiceUrl(0),
            ["from"] = From(person),
            ["recipient"] = new JsonObject { ["id"] = "28:alignbot" },
            ["conversation"] = Chat(person),
            ["replyToId"] = $"card-{person.Id}",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = payload } },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = person.TimeZone }),
        };
    }

    private static JsonObject From(Person person) => new() { ["id"] = "29:" + person.Id, ["name"] = person.Name, ["aadObjectId"] = person.Id };

    private static JsonObject Chat(Person person) => new() { ["id"] = "a:" + person.Id, ["conversationType"] = "personal", ["tenantId"] = Tenant };

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private sealed record Person(string Id, string Name, string TimeZone);
}
