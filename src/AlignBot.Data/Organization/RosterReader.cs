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
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.LastSeenAt).First(), StringComparer.OrdinalIgnoreCase);
        var homeIds = teams.Select(t => t.HomeConversationId).OfType<string>().ToList();
        var homes = await db.Conversations.AsNoTracking().Where(c => homeIds.Contains(c.ConversationId)).ToDictionaryAsync(c => c.ConversationId, cancellationToken);

        return teams.ToDictionary(t => t.Id, t =>
        {
            var pattern = new WorkingPattern(Days(t.WorkingDays), t.WorkStart, t.WorkEnd);
            var holidays = t.Holidays.Select(h => h.Date).ToHashSet();
            var members = t.Members.Select(m => Participant(m, people.GetValueOrDefault(m.MemberId), t, pattern, holidays)).ToList();
            var home = t.HomeConversationId is { } id && homes.TryGetValue(id, out var conversation) ? conversation.ToRef() : null;
            return new TeamRoster(t.Id, t.Name, t.Kind, home, members);
        });
    }

    public static IReadOnlySet<DayOfWeek> Days(int mask) => Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0).ToHashSet();

    public static int Mask(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, day) => mask | (1 << (int)day));

    private static Participant Participant(TeamMemberRecord member, PersonRecord? person, TeamRecord team, WorkingPattern pattern, IReadOnlySet<DateOnly> holidays)
    {
        var availability = new MemberAvailability(person?.TimeZone ?? team.TimeZone, pattern, holidays, person?.OutOfOfficeFrom, person?.OutOfOfficeUntil);
        if (person is null)
        {
            return new Participant(member.MemberId, member.DisplayName ?? member.MemberId, member.Role, null, null, availability);
        }

        var user = new UserRef(person.Platform, person.UserId, person.AadObjectId, person.DisplayName);
        var personal = person.PersonalConversationId is { } conversationId
            ? new ConversationRef(person.Platform, person.TenantId, conversationId, ConversationKind.Personal, person.ServiceUrl)
            : null;
        var via = person.ServiceUrl is null ? null : new ConversationRef(person.Platform, person.TenantId, "", ConversationKind.Personal, person.ServiceUrl);
        return new Participant(member.MemberId, person.DisplayName ?? member.DisplayName ?? member.MemberId, member.Role, user, personal, availability) { Via = via };
    }
}
