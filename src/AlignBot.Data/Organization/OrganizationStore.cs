using AlignBot.Core.Conversations;
using AlignBot.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.Organization;

internal sealed class OrganizationStore(AlignBotDbContext db, RosterReader rosters, OrganizationAdmins admins) : IOrganization
{
    public bool IsAdmin(UserRef user) => user.AadObjectId is { } aad && admins.AadObjectIds.Contains(aad);

    public async Task<IReadOnlyList<TeamRoster>> TeamsOfAsync(UserRef user, CancellationToken cancellationToken)
    {
        var aad = user.AadObjectId ?? await db.People.Where(p => p.Platform == user.Platform && p.UserId == user.UserId).Select(p => p.AadObjectId).FirstOrDefaultAsync(cancellationToken);
        var teamIds = IsAdmin(user with { AadObjectId = aad })
            ? await db.Teams.Select(t => t.Id).ToListAsync(cancellationToken)
            : aad is null ? [] : await db.TeamMembers.Where(m => m.MemberId == aad).Select(m => m.TeamId).Distinct().ToListAsync(cancellationToken);
        return teamIds.Count == 0 ? [] : [.. (await rosters.ReadAsync(teamIds, cancellationToken)).Values];
    }

    public async Task SetTimeZoneAsync(UserRef user, string ianaTimeZone, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Platform == user.Platform && p.UserId == user.UserId, cancellationToken);
        person.TimeZone = ianaTimeZone;
        person.TimeZoneChosen = true;
    }

    public async Task SetOutOfOfficeAsync(UserRef user, DateOnly? until, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleAsync(p => p.Platform == user.Platform && p.UserId == user.UserId, cancellationToken);
        person.OutOfOfficeUntil = until;
    }
}
