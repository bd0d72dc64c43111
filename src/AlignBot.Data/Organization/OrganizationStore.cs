using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using AlignBot.Data.Conversations;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Organization;

internal sealed class OrganizationStore(AlignBotDbContext db, RosterReader rosters, OrganizationAdmins admins, TimeProvider clock) : IOrganization
{
    public bool IsAdmin(UserRef user) => user.AadObjectId is { } aad && admins.AadObjectIds.Contains(aad);

    public async Task<IReadOnlyList<TeamRoster>> TeamsOfAsync(UserRef user, CancellationToken cancellationToken)
    {
        var aad = user.AadObjectId ?? await db.People.Where(p => p.Platform == user.Platform && p.UserId == user.UserId).Select(p => p.AadObjectId).FirstOrDefaultAsync(cancellationToken);
        var teamIds = IsAdmin(user with { AadObjectId = aad })
            ? await db.Teams.Select(t => t.Id).ToListAsync(cancellationToken)
            : await db.TeamMembers.Where(m => m.MemberId == (aad ?? user.UserId) || m.MemberId == user.UserId).Select(m => m.TeamId).Distinct().ToListAsync(cancellationToken);
        return teamIds.Count == 0 ? [] : [.. (await rosters.ReadAsync(teamIds, cancellationToken)).Values];
    }

    public async Task<IReadOnlyList<TeamRoster>> AllTeamsAsync(CancellationToken cancellationToken) =>
        [.. (await rosters.ReadAsync(null, cancellationToken)).Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];

    public async Task<TeamRoster?> TeamOfConversationAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        var home = ConversationCapture.BaseConversationId(conversation.ConversationId);
        var teamId = await db.Teams.Where(t => t.HomeConversationId == home).Select(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        return teamId is null ? null : (await rosters.ReadAsync([teamId], cancellationToken)).GetValueOrDefault(teamId);
    }

    public async Task SaveTeamAsync(TeamSetup setup, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var team = await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == setup.TeamId, cancellationToken);
        if (team is null)
        {
            team = new TeamRecord { Id = setup.TeamId };
            db.Teams.Add(team);
        }

        team.Name = setup.Name;
        team.Kind = setup.Kind;
        team.TimeZone = setup.TimeZone;
        team.HomeConversationId = ConversationCapture.BaseConversationId(setup.Home.ConversationId);
        team.UpdatedAt = now;
        var wanted = setup.Members.ToDictionary(m => MemberId(m.User), StringComparer.OrdinalIgnoreCase);
        team.Members.RemoveAll(m => !wanted.ContainsKey(m.MemberId));
        foreach (var (memberId, (user, role)) in wanted)
        {
            var member = team.Members.FirstOrDefault(m => string.Equals(m.MemberId, memberId, StringComparison.OrdinalIgnoreCase));
            if (member is null)
            {
                member = new TeamMemberRecord { TeamId = setup.TeamId, MemberId = memberId };
                team.Members.Add(member);
            }

            member.DisplayName = user.DisplayName;
            member.Role = role;
            await KnowAsync(user, setup.Home, now, cancellationToken);
        }
    }

    /// <summary>A team member is named by their AAD object id; a platform without one falls back to the user id.</summary>
    public static string MemberId(UserRef user) => user.AadObjectId ?? user.UserId;

    /// <summary>Records a person from the channel roster, so AlignBot can open a 1:1 chat with them before they write.</summary>
    private async Task KnowAsync(UserRef user, ConversationRef home, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = db.People.Local.FirstOrDefault(p => p.Platform == user.Platform && p.UserId == user.UserId)
            ?? await db.People.SingleOrDefaultAsync(p => p.Platform == user.Platform && p.UserId == user.UserId, cancellationToken);
        if (person is null)
        {
            person = new People.PersonRecord { Platform = user.Platform, UserId = user.UserId, FirstSeenAt = now, LastSeenAt = now };
            db.People.Add(person);
        }

        person.TenantId = person.TenantId.Length > 0 ? person.TenantId : home.TenantId;
        person.AadObjectId ??= user.AadObjectId;
        person.DisplayName ??= user.DisplayName;
        person.Email ??= user.Email;
        person.ServiceUrl ??= home.ServiceUrl;
        if (user.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) && person.TimeZoneSource <= AvailabilitySource.Client)
        {
            // The zone the person's profile shows (Slack's tz): a member who never wrote is prompted at their own
            // local time, not the team's. It ranks with a chat client's zone, below their mailbox and their own choice.
            person.TimeZone = zone;
            person.TimeZoneSource = AvailabilitySource.Client;
        }
    }

    public async Task SetTimeZoneAsync(UserRef user, string ianaTimeZone, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Platform == user.Platform && p.UserId == user.UserId, cancellationToken);
        person.TimeZone = ianaTimeZone;
        person.TimeZoneSource = AvailabilitySource.Person;
    }

    public async Task SetOutOfOfficeAsync(UserRef user, DateOnly? until, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Platform == user.Platform && p.UserId == user.UserId, cancellationToken);
        person.OutOfOfficeFrom = null;
        person.OutOfOfficeUntil = until;
        person.OutOfOfficeSource = until is null ? AvailabilitySource.Unknown : AvailabilitySource.Person;
    }
}
