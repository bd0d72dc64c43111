namespace AlignBot.Core.Availability;

/// <summary>What the mailbox sync needs from storage.</summary>
public interface IAvailabilityStore
{
    /// <summary>Everyone AlignBot has met who has a directory object id, so their mailbox can be read.</summary>
    Task<IReadOnlyList<PersonAvailability>> GetPeopleWithDirectoryIdAsync(CancellationToken cancellationToken);

    /// <summary>The person with this directory object id, or null when AlignBot has not met them.</summary>
    Task<PersonAvailability?> FindAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves one person's availability at once, so a long sync keeps what it has done. A value the person changed
    /// since <paramref name="before"/> was read is kept.
    /// </summary>
    Task SaveAsync(PersonAvailability before, PersonAvailability after, CancellationToken cancellationToken);
}
