using AlignBot.Core.Conversations;
using AlignBot.Core.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.People;

/// <summary>
/// Links platform identities to organization members. A link sets the person's member id (their AAD object id), so
/// rosters, admins, stand-ups and feedback see one member wherever they talk; a link made before AlignBot meets the
/// person is applied on first sight. Works inside the caller's unit of work.
/// </summary>
internal sealed class PeopleLinks(AlignBotDbContext db, TimeProvider clock) : IPeopleLinks
{
    public async Task<LinkedMember?> LinkAsync(Platform platform, string userId, string member, UserRef admin, CancellationToken cancellationToken)
    {
        if (await FindMemberAsync(member, cancellationToken) is not { } found)
        {
            return null;
        }

        await SaveLinkAsync(platform, userId, found.MemberId, LinkSource.Admin, admin.AadObjectId ?? admin.UserId, cancellationToken);
        return found with { Source = LinkSource.Admin };
    }

    public async Task<LinkedMember?> UnlinkAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        var link = await db.PersonLinks.SingleOrDefaultAsync(l => l.Platform == platform && l.UserId == userId, cancellationToken);
        var person = await PersonAsync(platform, userId, cancellationToken);
        var memberId = link?.MemberId ?? person?.AadObjectId;
        if (memberId is null)
        {
            return null;
        }

        if (link is not null)
        {
            db.PersonLinks.Remove(link);
        }

        if (person is not null)
        {
            person.AadObjectId = null;
            person.EmailCheckedAt ??= clock.GetUtcNow(); // unlinked on purpose: the email does not link them again
        }

        return new LinkedMember(memberId, await NameAsync(memberId, cancellationToken), link?.Source ?? LinkSource.Email);
    }

    public async Task<LinkedMember?> LinkOfAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        var link = await db.PersonLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Platform == platform && l.UserId == userId, cancellationToken);
        return link is null ? null : new LinkedMember(link.MemberId, await NameAsync(link.MemberId, cancellationToken), link.Source);
    }

    public async Task SetReachOnAsync(UserRef user, Platform platform, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(user.Platform, user.UserId, cancellationToken);
        var memberId = user.AadObjectId ?? person?.AadObjectId;
        var records = new List<PersonRecord>();
        if (person is not null)
        {
            records.Add(person);
        }

        if (memberId is not null)
        {
            records.AddRange(await db.People.Where(p => p.AadObjectId == memberId).ToListAsync(cancellationToken));
        }

        foreach (var record in records.Distinct())
        {
            record.ReachOn = platform;
        }
    }

    /// <summary>
    /// Links by the email the platform verified: the member whose configured email, or whose Teams account's email, is
    /// the same (case-insensitive). Never by name. Returns the member, or null when no member has that email (or two do).
    /// </summary>
    public async Task<LinkedMember?> LinkByEmailAsync(Platform platform, string userId, string? email, CancellationToken cancellationToken)
    {
        var person = await PersonAsync(platform, userId, cancellationToken);
        if (person is not null)
        {
            person.Email = email ?? person.Email;
            person.EmailCheckedAt = clock.GetUtcNow();
        }

        if (email is not { Length: > 0 } || person?.AadObjectId is not null || await db.PersonLinks.AnyAsync(l => l.Platform == platform && l.UserId == userId, cancellationToken))
        {
            return null;
        }

        var normalized = email.Trim().ToLowerInvariant();
        var candidates = await db.TeamMembers.Where(m => m.Email != null && m.Email.ToLower() == normalized).Select(m => m.MemberId)
            .Concat(db.People.Where(p => p.Platform != platform && p.AadObjectId != null && p.Email != null && p.Email.ToLower() == normalized).Select(p => p.AadObjectId!)) // AadObjectId != null in the filter
            .Distinct().ToListAsync(cancellationToken);
        if (candidates.Select(c => c.ToLowerInvariant()).Distinct().Count() != 1)
        {
            return null; // nobody, or two members with one email: an admin decides
        }

        await SaveLinkAsync(platform, userId, candidates[0], LinkSource.Email, null, cancellationToken);
        return new LinkedMember(candidates[0], await NameAsync(candidates[0], cancellationToken), LinkSource.Email);
    }

    /// <summary>Makes the links configuration declares (a member's SlackUserId), and drops those it no longer declares.</summary>
    public async Task ApplyConfiguredAsync(IReadOnlyList<(string MemberId, string SlackUserId)> links, CancellationToken cancellationToken)
    {
        var wanted = links.ToDictionary(l => l.SlackUserId, l => l.MemberId, StringComparer.Ordinal);
        var stale = await db.PersonLinks.Where(l => l.Source == LinkSource.Configuration).ToListAsync(cancellationToken);
        foreach (var link in stale.Where(l => !wanted.ContainsKey(l.UserId)))
        {
            db.PersonLinks.Remove(link);
            if (await PersonAsync(link.Platform, link.UserId, cancellationToken) is { } person && person.AadObjectId == link.MemberId)
            {
                person.AadObjectId = null;
            }
        }

        foreach (var (slackUserId, memberId) in wanted)
        {
            var existing = await db.PersonLinks.SingleOrDefaultAsync(l => l.Platform == Platform.Slack && l.UserId == slackUserId, cancellationToken);
            if (existing is { Source: LinkSource.Admin })
            {
                continue; // an admin's link made in chat wins over configuration
            }

            await SaveLinkAsync(Platform.Slack, slackUserId, memberId, LinkSource.Configuration, null, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The member a person met for the first time (or not yet linked) is linked to, applied to them; else null.</summary>
    public async Task<string?> ApplyAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        if (person.Platform == Platform.Teams)
        {
            return person.AadObjectId;
        }

        if (person.AadObjectId is null)
        {
            var link = await db.PersonLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Platform == person.Platform && l.UserId == person.UserId, cancellationToken);
            if (link is null)
            {
                return null;
            }

            person.AadObjectId = link.MemberId;
            person.ReachOn ??= await db.People.Where(p => p.AadObjectId == link.MemberId && p.ReachOn != null).Select(p => p.ReachOn).FirstOrDefaultAsync(cancellationToken);
        }

        if (person.DisplayName is null && await NameAsync(person.AadObjectId, cancellationToken) is var name && name != person.AadObjectId)
        {
            person.DisplayName = name; // the member's name until the platform tells AlignBot theirs
        }

        return person.AadObjectId;
    }

    private async Task SaveLinkAsync(Platform platform, string userId, string memberId, LinkSource source, string? linkedBy, CancellationToken cancellationToken)
    {
        var link = db.PersonLinks.Local.FirstOrDefault(l => l.Platform == platform && l.UserId == userId)
            ?? await db.PersonLinks.SingleOrDefaultAsync(l => l.Platform == platform && l.UserId == userId, cancellationToken);
        if (link is null)
        {
            link = new PersonLinkRecord { Platform = platform, UserId = userId };
            db.PersonLinks.Add(link);
        }

        link.MemberId = memberId;
        link.Source = source;
        link.LinkedBy = linkedBy;
        link.LinkedAt = clock.GetUtcNow();
        if (await PersonAsync(platform, userId, cancellationToken) is { } person)
        {
            person.AadObjectId = memberId;
            person.ReachOn ??= await db.People.Where(p => p.AadObjectId == memberId && p.ReachOn != null).Select(p => p.ReachOn).FirstOrDefaultAsync(cancellationToken);
        }
    }

    private async Task<LinkedMember?> FindMemberAsync(string member, CancellationToken cancellationToken)
    {
        var text = member.Trim();
        var byId = await db.TeamMembers.Where(m => m.MemberId == text).Select(m => m.MemberId).FirstOrDefaultAsync(cancellationToken);
        if (byId is null && text.Contains('@', StringComparison.Ordinal))
        {
            var email = text.ToLowerInvariant();
            var ids = await db.TeamMembers.Where(m => m.Email != null && m.Email.ToLower() == email).Select(m => m.MemberId)
                .Concat(db.People.Where(p => p.AadObjectId != null && p.Email != null && p.Email.ToLower() == email).Select(p => p.AadObjectId!)) // AadObjectId != null in the filter
                .Distinct().ToListAsync(cancellationToken);
            byId = ids.Count == 1 ? ids[0] : null;
        }

        return byId is null ? null : new LinkedMember(byId, await NameAsync(byId, cancellationToken), LinkSource.Admin);
    }

    private async Task<string> NameAsync(string memberId, CancellationToken cancellationToken) =>
        await db.People.Where(p => p.AadObjectId == memberId && p.Platform == Platform.Teams && p.DisplayName != null).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
        ?? await db.TeamMembers.Where(m => m.MemberId == memberId && m.DisplayName != null).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken)
        ?? memberId;

    private async Task<PersonRecord?> PersonAsync(Platform platform, string userId, CancellationToken cancellationToken) =>
        db.People.Local.FirstOrDefault(p => p.Platform == platform && p.UserId == userId)
        ?? await db.People.SingleOrDefaultAsync(p => p.Platform == platform && p.UserId == userId, cancellationToken);
}
