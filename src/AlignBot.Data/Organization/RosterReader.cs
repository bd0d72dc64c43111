using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Data.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Organization;

/// <summary>
/// Builds team rosters: members joined to the people AlignBot has met (by AAD object id), each with how to reach them
/// and their availability (own zone if known, else the team's; the team's working days, hours and holidays; their OOO).
/// </summary>
internal sealed class RosterReader(AlignBotDbContext db)
{
    public async Task<IReadOnlyDictionary<string, TeamRoster>> ReadAsync(IReadOnlyCollection<string>? teamIds, CancellationToken cancellationToken)
    {
        var query = db.Teams.AsNoTracking().Include(t => t.Members).Include(t => t.Holidays).AsSplitQuery();
        var teams = teamIds is null ? await query.ToListAsync(cancellationToken) : await query.Where(t => teamIds.Contains(t.Id)).ToListAsync(cancellationToken);
        var memberIds = teams.SelectMany(t => t.Members).Select(m => m.MemberId).Distinct().ToList();
        var people = (await db.People.AsNoTracking().Where(p => (p.AadObjectId != null && memberIds.Contains(p.AadObjectId)) || memberIds.Contains(p.UserId)).ToListAsync(cancellationToken))
            .GroupBy(p => p.AadObjectId != null && memberIds.Contains(p.AadObjectId) ? p.AadObjectId : p.UserId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (Reached: Reached(g), All: g.ToList()), StringComparer.OrdinalIgnoreCase);
        var homeIds = teams.Select(t => t.HomeConversationId).OfType<string>().ToList();
        var homes = await db.Conversations.AsNoTracking().Where(c => homeIds.Contains(c.ConversationId)).ToDictionaryAsync(c => c.ConversationId, cancellationToken);

        return teams.ToDictionary(t => t.Id, t =>
        {
            var pattern = new WorkingPattern(Days(t.WorkingDays), t.WorkStart, t.WorkEnd);
            var holidays = t.Holidays.Select(h => h.Date).ToHashSet();
            var members = t.Members.Select(m => people.TryGetValue(m.MemberId, out var found)
                ? Participant(m, found.Reached, found.All, t, pattern, holidays)
                : Participant(m, null, [], t, pattern, holidays)).ToList();
            var home = t.HomeConversationId is { } id && homes.TryGetValue(id, out var conversation) ? conversation.ToRef() : null;
            return new TeamRoster(t.Id, t.Name, t.Kind, home, members);
        });
    }

    /// <summary>
    /// The one of a member's platform identities AlignBot reaches them on: the platform they chose when AlignBot can reach
    /// them there, else the one they last talked to AlignBot on that it can reach, else the one seen last.
    /// </summary>
    public static PersonRecord Reached(IEnumerable<PersonRecord> identities)
    {
        var byLastSeen = identities.OrderByDescending(p => p.LastSeenAt).ToList();
        var choice = byLastSeen.Select(p => p.ReachOn).FirstOrDefault(r => r is not null);
        return byLastSeen.FirstOrDefault(p => p.Platform == choice && CanReach(p))
            ?? byLastSeen.FirstOrDefault(CanReach)
            ?? byLastSeen[0];
    }

    private static bool CanReach(PersonRecord person) => person.PersonalConversationId is not null || Via(person) is not null;

    /// <summary>
    /// Where a proactive 1:1 is opened from when no personal chat is known: Teams needs the tenant's service URL; Slack
    /// opens the direct message (<c>conversations.open</c>) with the workspace's token, so the workspace is enough.
    /// </summary>
    private static ConversationRef? Via(PersonRecord person) => person switch
    {
        { ServiceUrl: { } serviceUrl } => new ConversationRef(person.Platform, person.TenantId, "", ConversationKind.Personal, serviceUrl),
        { Platform: Platform.Slack, TenantId.Length: > 0 } => new ConversationRef(Platform.Slack, person.TenantId, "", ConversationKind.Personal, ServiceUrl: null),
        _ => null,
    };

    public static IReadOnlySet<DayOfWeek> Days(int mask) => Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0).ToHashSet();

    public static int Mask(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, day) => mask | (1 << (int)day));

    private static Participant Participant(TeamMemberRecord member, PersonRecord? person, IReadOnlyList<PersonRecord> identities, TeamRecord team, WorkingPattern pattern, IReadOnlySet<DateOnly> holidays)
    {
        // One member on two platforms has one availability: the zone from the surest source (their own choice, their
        // mailbox, a chat client), and an out-of-office set on either platform.
        var zone = identities.Where(p => p.TimeZone is not null).OrderByDescending(p => p.TimeZoneSource).ThenByDescending(p => p == person).FirstOrDefault()?.TimeZone;
        var away = identities.Where(p => p.OutOfOfficeUntil is not null).OrderByDescending(p => p.OutOfOfficeSource).ThenByDescending(p => p == person).FirstOrDefault();
        var availability = new MemberAvailability(zone ?? team.TimeZone, pattern, holidays, away?.OutOfOfficeFrom, away?.OutOfOfficeUntil);
        if (person is null)
        {
            return new Participant(member.MemberId, member.DisplayName ?? member.MemberId, member.Role, null, null, availability);
        }

        var user = new UserRef(person.Platform, person.UserId, person.AadObjectId, person.DisplayName);
        var personal = person.PersonalConversationId is { } conversationId
            ? new ConversationRef(person.Platform, person.TenantId, conversationId, ConversationKind.Personal, person.ServiceUrl)
            : null;
        return new Participant(member.MemberId, person.DisplayName ?? member.DisplayName ?? member.MemberId, member.Role, user, personal, availability) { Via = Via(person) };
    }
}
