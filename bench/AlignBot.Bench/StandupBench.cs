using System.Diagnostics;
using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Core.Standups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Bench;

/// <summary>
/// One stand-up for N members spread over 24 time zones, a simulated 4-week month on a fake clock, the tick every
/// minute as Quartz runs it, through the Core use case with an in-memory store: prompts sent, duplicates, missed
/// (a member's working day with no prompt), and the wall time of the simulation.
/// </summary>
internal static class StandupBench
{
    private static readonly string[] Zones =
    [
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
        "America/Halifax", "America/Sao_Paulo", "Atlantic/South_Georgia", "Atlantic/Azores", "Europe/London", "Europe/Berlin",
        "Europe/Athens", "Europe/Moscow", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka",
        "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
    ];

    public static async Task<int> RunAsync(Arguments arguments)
    {
        var members = arguments.Int("members", 1000);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero); // spans the US and EU spring DST changes
        var clock = new FakeTimeProvider(start);
        var via = new ConversationRef(Platform.Teams, "tenant", "", ConversationKind.Personal, "https://smba.example/");
        var roster = new TeamRoster("team", "Everyone", TeamKind.Sales, null, [.. Enumerable.Range(0, members).Select(i => new Participant(
            $"m{i}", $"Member {i}", TeamRole.Member, new UserRef(Platform.Teams, $"29:m{i}"), null,
            new MemberAvailability(Zones[i % Zones.Length], WorkingPattern.Weekdays, new HashSet<DateOnly>())) { Via = via })]);
        var standup = new StandupDefinition(Guid.NewGuid(), "team", "Daily", StandupQuestion.Defaults, StandupDefinition.Weekdays, new TimeOnly(9, 0), TimeSpan.FromHours(4), null, null);
        var store = new MemoryStore(standup, roster);
        var useCase = new StartDueStandups(store, clock, NullLogger<StartDueStandups>.Instance);

        var watch = Stopwatch.StartNew();
        var sent = 0;
        for (var minute = 0; minute < 28 * 24 * 60; minute++)
        {
            sent += (await useCase.ExecuteAsync(CancellationToken.None)).Count(m => m.Key?.EndsWith(":prompt", StringComparison.Ordinal) == true);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var elapsed = watch.Elapsed;
        var expected = roster.Members.Sum(m => WorkingDays(m.Availability.TimeZone, start, start.AddDays(28)));
        var duplicates = store.Prompts.GroupBy(p => p.Key).Count(g => g.Count() > 1);
        Console.WriteLine($"stand-up benchmark: {members:N0} members in {Zones.Length} time zones, one stand-up at 09:00 local, 4 weeks, a tick every minute");
        Console.WriteLine($"  prompts sent                {sent:N0} (expected {expected:N0}: each member's weekdays whose 09:00 falls in the month)");
        Console.WriteLine($"  duplicates                  {duplicates:N0}");
        Console.WriteLine($"  missed                      {Math.Max(0, expected - sent):N0}");
        Console.WriteLine($"  wall time of the simulation {elapsed.TotalSeconds:F1} s (40,320 ticks)");
        return sent == expected && duplicates == 0 ? 0 : 1;
    }

    /// <summary>Weekdays whose local 09:00 lies within [from, to).</summary>
    private static int WorkingDays(string zone, DateTimeOffset from, DateTimeOffset to)
    {
        var tz = LocalClock.Zone(zone);
        var count = 0;
        for (var date = LocalClock.LocalDate(from, tz).AddDays(-1); date <= LocalClock.LocalDate(to, tz); date = date.AddDays(1))
        {
            var at = LocalClock.ToUtc(date, new TimeOnly(9, 0), tz);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && at >= from && at < to)
            {
                count++;
            }
        }

        return count;
    }

    private sealed class MemoryStore(StandupDefinition standup, TeamRoster team) : IStandupStore
    {
        private readonly Dictionary<string, StandupPrompt> _prompts = [];

        public List<StandupPrompt> Prompts { get; } = [];

        public Task<IReadOnlyList<(StandupDefinition Standup, TeamRoster Team)>> GetStandupsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<(StandupDefinition, TeamRoster)>>([(standup, team)]);

        public Task<(StandupDefinition Standup, TeamRoster Team)?> GetStandupAsync(Guid standupId, CancellationToken cancellationToken) =>
            Task.FromResult<(StandupDefinition, TeamRoster)?>((standup, team));

        public Task<bool> PromptExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_prompts.ContainsKey(key));

        public Task<StandupPrompt?> FindPromptAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_prompts.GetValueOrDefault(key));

        public Task<StandupPrompt?> PreviousAnswerAsync(Guid standupId, string memberId, DateOnly localDate, CancellationToken cancellationToken) =>
            Task.FromResult<StandupPrompt?>(null);

        public Task<IReadOnlyList<StandupPrompt>> GetPromptsAwaitingReminderAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StandupPrompt>>([]);

        public Task<IReadOnlyList<StandupPrompt>> GetPromptsAsync(Guid standupId, DateOnly localDate, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StandupPrompt>>([]);

        public Task<IReadOnlyList<StandupPrompt>> GetPromptsAsync(Guid standupId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StandupPrompt>>([]);

        public Task DeleteStandupAsync(Guid standupId, CancellationToken cancellationToken) => Task.CompletedTask;

        public void Add(StandupPrompt prompt)
        {
            _prompts.TryAdd(prompt.Key, prompt);
            Prompts.Add(prompt);
        }

        public void Update(StandupPrompt prompt) => _prompts[prompt.Key] = prompt;

        public Task SaveStandupAsync(StandupDefinition definition, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SaveQuestionsAsync(Guid standupId, IReadOnlyList<StandupQuestion> questions, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
