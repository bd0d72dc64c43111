using AlignBot.Core.Conversations;

namespace AlignBot.Core.People;

/// <summary>Looks up the people AlignBot has met.</summary>
public interface IPeopleDirectory
{
    Task<Person?> FindAsync(Platform platform, string userId, CancellationToken cancellationToken);
}
