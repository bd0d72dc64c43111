using Microsoft.EntityFrameworkCore;

namespace AlignBot.Data;

/// <summary>
/// Looks at what the unit of work already tracks without the full change scan that <c>DbSet.Local</c> runs first:
/// a tick that adds thousands of prompts would otherwise rescan all of them for every one it adds.
/// </summary>
internal static class TrackedEntities
{
    /// <summary>The tracked entity with this primary key, or null.</summary>
    public static T? Tracked<T, TKey>(this DbContext db, TKey key)
        where T : class
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Set<T>().Local.FindEntry(key)?.Entity;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The tracked entities of a type (added ones included), without scanning them all for changes first.</summary>
    public static List<T> TrackedWhere<T>(this DbContext db, Func<T, bool> match)
        where T : class
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. db.Set<T>().Local.Where(match)];
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
