using AlignBot.Core.Conversations;
using AlignBot.Core.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.People;

internal sealed class PeopleDirectory(AlignBotDbContext db) : IPeopleDirectory
{
    public async Task<Person?> FindAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        var record = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Platform == platform && p.UserId == userId, cancellationToken);
        if (record?.AadObjectId is not { } memberId)
        {
            return record?.ToPerson();
        }

        var others = await db.People.AsNoTracking().Where(p => p.AadObjectId == memberId && p.Platform != platform).ToListAsync(cancellationToken);
        return record.ToPerson() with { AlsoKnownAs = [.. others.Select(o => new UserRef(o.Platform, o.UserId, o.AadObjectId, o.DisplayName))] };
    }
}
