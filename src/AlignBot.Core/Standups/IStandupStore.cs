using AlignBot.Core.Organization;

namespace AlignBot.Core.Standups;

/// <summary>What stand-ups need from storage. Changes join the caller's unit of work; the caller commits them with the outbox.</summary>
public interface IStandupStore
{
    /// <summary>Every stand-up that is not deleted, with its team's roster.</summary>
    Task<IReadOnlyList<(StandupDefinition Standup, TeamRoster Team)>> GetStandupsAsync(CancellationToken cancellationToken);

    Task<(StandupDefinition Standup, TeamRoster Team)?> GetStandupAsync(Guid standupId, CancellationToken cancellationToken);

    Task<bool> PromptExistsAsync(string key, CancellationToken cancellationToken);

    Task<StandupPrompt?> FindPromptAsync(string key, CancellationToken cancellationToken);

    /// <summary>The member's most recent answered prompt before <paramref name="localDate"/>, for "is yesterday's blocker resolved?".</summary>
    Task<StandupPrompt?> PreviousAnswerAsync(Guid standupId, string memberId, DateOnly localDate, CancellationToken cancellationToken);

    /// <summary>Prompts still open whose reminder time has come.</summary>
    Task<IReadOnlyList<StandupPrompt>> GetPromptsAwaitingReminderAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<StandupPrompt>> GetPromptsAsync(Guid standupId, DateOnly localDate, CancellationToken cancellationToken);

    /// <summary>Prompts of a stand-up between two local dates (inclusive).</summary>
    Task<IReadOnlyList<StandupPrompt>> GetPromptsAsync(Guid standupId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    Task DeleteStandupAsync(Guid standupId, CancellationToken cancellationToken);

    void Add(StandupPrompt prompt);

    void Update(StandupPrompt prompt);

    Task SaveStandupAsync(StandupDefinition standup, CancellationToken cancellationToken);

    /// <summary>A lead's edit of the questions: kept even when configuration declares the stand-up and is applied again.</summary>
    Task SaveQuestionsAsync(Guid standupId, IReadOnlyList<StandupQuestion> questions, CancellationToken cancellationToken);
}
