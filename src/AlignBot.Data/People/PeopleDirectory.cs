using AlignBot.Core.Conversations;
using AlignBot.Core.People;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.People;

internal sealed class PeopleDirectory(AlignBotDbContext db) : IPeopleDirectory
{
    public async Task<Person?> FindAsync(Platform platform, string userId, CancellationToken cancellationToken)
    {
        var record = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Platform == platform && p.UserId == userId, cancellationToken);
        return record?.ToPerson();
    }
}
