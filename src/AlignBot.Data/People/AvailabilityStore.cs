using AlignBot.Core.Availability;
using AlignBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data.People;

internal sealed class AvailabilityStore(AlignBotDbContext db) : IAvailabilityStore
{
    public async Task<IReadOnlyList<PersonAvailability>> GetPeopleWithDirectoryIdAsync(CancellationToken cancellationToken)
    {
        var records = await db.People.AsNoTracking().Where(p => p.AadObjectId != null).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return [.. records.Select(r => r.ToAvailability()).OfType<PersonAvailability>()];
    }

    public async Task<PersonAvailability?> FindAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var record = await db.People.AsNoTracking().Where(p => p.AadObjectId == aadObjectId).OrderByDescending(p => p.LastSeenAt).FirstOrDefaultAsync(cancellationToken);
        return record?.ToAvailability();
    }

    public async Task SaveAsync(PersonAvailability before, PersonAvailability after, CancellationToken cancellationToken)
    {
        var record = await db.People.SingleAsync(p => p.Platform == after.User.Platform && p.UserId == after.User.UserId, cancellationToken);
        // The person may have used "timezone" or "ooo" since the sync read them: a value that changed meanwhile is theirs.
        if (record.TimeZoneSource <= after.TimeZoneSource || (record.TimeZone == before.TimeZone && record.TimeZoneSource == before.TimeZoneSource))
        {
            record.TimeZone = after.TimeZone;
            record.TimeZoneSource = after.TimeZoneSource;
        }

        if (record.OutOfOfficeFrom == before.OutOfOfficeFrom && record.OutOfOfficeUntil == before.OutOfOfficeUntil && record.OutOfOfficeSource == before.OutOfOfficeSource)
        {
            record.OutOfOfficeFrom = after.OutOfOfficeFrom;
            record.OutOfOfficeUntil = after.OutOfOfficeUntil;
            record.OutOfOfficeSource = after.OutOfOfficeSource;
        }

        if (after.Email is { } email && record.Platform == Platform.Teams)
        {
            // The directory's address for the Teams account: what a Slack account is linked to it by.
            record.Email = email;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
