using AlignBot.Core.Availability;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;

namespace AlignBot.Core.Feedback;

/// <summary>
/// The organization as the feedback feature sees it: who each person is (by member id), who is available today,
/// who owns an item by the rules (a queue's next available member; an owner out of office hands to their backup),
/// and who the marketing leads are for escalations.
/// </summary>
public sealed class FeedbackDesk
{
    private readonly Dictionary<string, (Participant Person, TeamRoster Team)> _people;
    private readonly IReadOnlyList<TeamRoster> _teams;

    private FeedbackDesk(IReadOnlyList<TeamRoster> teams)
    {
        _teams = teams;
        _people = new Dictionary<string, (Participant, TeamRoster)>(StringComparer.OrdinalIgnoreCase);
        // A person in several teams is read from a marketing team first: that is where their working time for SLAs is.
        foreach (var team in teams.OrderBy(t => t.Kind == TeamKind.Marketing ? 0 : 1))
        {
            foreach (var member in team.Members)
            {
                _people.TryAdd(member.MemberId, (member, team));
            }
        }
    }

    public static async Task<FeedbackDesk> LoadAsync(IOrganization organization, CancellationToken cancellationToken) =>
        new(await organization.AllTeamsAsync(cancellationToken));

    /// <summary>The id a person goes by in the organization: their AAD object id, or their platform id.</summary>
    public static string MemberId(UserRef user) => user.AadObjectId ?? user.UserId;

    public Participant? Person(string memberId) => _people.TryGetValue(memberId, out var found) ? found.Person : null;

    public Participant? Person(UserRef user) =>
        _teams.Select(t => t.Find(user)).FirstOrDefault(p => p is not null) is { } found ? Person(found.MemberId) ?? found : null;

    public string NameOf(string memberId) => Person(memberId)?.DisplayName ?? memberId;

    public MemberAvailability AvailabilityOf(string memberId) =>
        Person(memberId)?.Availability ?? new MemberAvailability("Etc/UTC", WorkingPattern.Weekdays, new HashSet<DateOnly>());

    public static TimeZoneInfo ZoneOf(string? ianaId) => LocalClock.TryZone(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;

    public TimeZoneInfo ZoneOf(Participant? person) => ZoneOf(person?.Availability.TimeZone);

    /// <summary>Out of office on the person's own date today.</summary>
    public bool IsAway(string memberId, DateTimeOffset now)
    {
        var availability = AvailabilityOf(memberId);
        return availability.IsOutOfOffice(LocalClock.LocalDate(now, ZoneOf(availability.TimeZone)));
    }

    /// <summary>Admins, and leads of a marketing team, may see every item and act for any owner.</summary>
    public bool IsMarketingLead(UserRef user) =>
        _teams.Any(t => t.Kind == TeamKind.Marketing && t.Find(user)?.Role == TeamRole.Lead);

    /// <summary>Leads of the marketing teams the owner is in (all marketing leads when the owner is in none), never the owner.</summary>
    public IReadOnlyList<Participant> EscalationLeads(string ownerId)
    {
        var marketing = _teams.Where(t => t.Kind == TeamKind.Marketing).ToList();
        var own = marketing.Where(t => t.Members.Any(m => string.Equals(m.MemberId, ownerId, StringComparison.OrdinalIgnoreCase))).ToList();
        return [.. (own.Count > 0 ? own : marketing).SelectMany(t => t.Leads)
            .Where(l => !string.Equals(l.MemberId, ownerId, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(l => l.MemberId, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>People and queues an item can be reassigned to, as card choices (queues as <c>queue:Name</c>).</summary>
    public IReadOnlyList<Choice> ReassignTargets(FeedbackRouting routing)
    {
        var people = routing.Rules.Select(r => r.Owner).Append(routing.DefaultOwner)
            .Concat(routing.Queues.Values.SelectMany(q => q.Members))
            .Concat(routing.Backups.Values)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(id => new Choice(NameOf(id), id))
            .OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase);
        var queues = routing.Queues.Values.Select(q => new Choice($"Queue: {q.Name}", "queue:" + q.Name));
        return [.. people, .. queues];
    }

    /// <summary>
    /// The owner for an item sent to a person or a queue. A queue picks among its members who are not out of office
    /// today (round-robin or fewest open items); a person out of office hands over to their backup when they have
    /// one who is in. <c>Note</c> says what happened when it was not the plain choice. Null when nobody owns
    /// feedback yet (no default owner and no marketing team).
    /// </summary>
    public async Task<Assignment?> AssignAsync(FeedbackRouting routing, string? owner, string? queue, IFeedbackStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (queue is not null && routing.Queues.TryGetValue(queue, out var q) && q.Members.Count > 0)
        {
            var available = q.Members.Where(m => !IsAway(m, now)).ToList();
            var pool = available.Count > 0 ? available : [.. q.Members];
            string chosen;
            if (q.Strategy == QueueStrategy.LeastOpen)
            {
                var counts = await store.OpenCountsAsync(pool, cancellationToken);
                chosen = pool.OrderBy(m => counts.GetValueOrDefault(m)).ThenBy(m => q.Members.ToList().IndexOf(m)).First();
            }
            else
            {
                var last = await store.LastAssigneeAsync(q.Name, cancellationToken);
                var order = q.Members.ToList();
                var start = last is null ? 0 : order.FindIndex(m => string.Equals(m, last, StringComparison.OrdinalIgnoreCase)) + 1;
                chosen = Enumerable.Range(0, order.Count).Select(i => order[(start + i) % order.Count]).First(m => pool.Contains(m, StringComparer.OrdinalIgnoreCase));
            }

            var note = available.Count < q.Members.Count && available.Count > 0
                ? $"{string.Join(", ", q.Members.Except(available, StringComparer.OrdinalIgnoreCase).Select(NameOf))} out of office; the queue passed it on."
                : available.Count == 0 ? "Everyone in the queue is out of office; it waits for the first one back." : null;
            return new Assignment(chosen, q.Name, note);
        }

        var person = owner ?? (routing.DefaultOwner.Length > 0 ? routing.DefaultOwner : FirstMarketingLead());
        if (person is null)
        {
            return null;
        }

        if (IsAway(person, now))
        {
            if (routing.Backups.TryGetValue(person, out var backup) && !IsAway(backup, now))
            {
                return new Assignment(backup, null, $"{NameOf(person)} is out of office, so {NameOf(backup)} (their backup) has it.");
            }

            return new Assignment(person, null, $"{NameOf(person)} is out of office and has no backup who is in; it waits for them.");
        }

        return new Assignment(person, null, null);
    }

    /// <summary>Who gets what no rule matches when no default owner is configured.</summary>
    private string? FirstMarketingLead() =>
        _teams.Where(t => t.Kind == TeamKind.Marketing).SelectMany(t => t.Leads).Select(l => l.MemberId).FirstOrDefault();

    public sealed record Assignment(string OwnerId, string? Queue, string? Note);
}
