using Microsoft.Extensions.Logging;

namespace AlignBot.Core.Availability;

/// <summary>
/// Reads each person's mailbox settings and folds them into their availability (<see cref="PersonAvailability.WithMailbox"/>).
/// One person's failure never stops the others: a missing mailbox or a refused read is logged and skipped; when the
/// mailbox service still throttles after its retries, the rest of the run waits for the next one.
/// </summary>
public sealed partial class SyncMailboxSettings(IAvailabilityStore store, IMailboxSettingsReader reader, TimeProvider clock, ILogger<SyncMailboxSettings> logger)
{
    public async Task<MailboxSyncResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var people = await store.GetPeopleWithDirectoryIdAsync(cancellationToken);
        var outcomes = new List<SyncOutcome>();
        for (var i = 0; i < people.Count; i++)
        {
            var outcome = await SyncAsync(people[i], cancellationToken);
            if (outcome == SyncOutcome.Deferred)
            {
                Deferred(logger, people.Count - i);
                outcomes.AddRange(Enumerable.Repeat(SyncOutcome.Deferred, people.Count - i));
                break;
            }

            outcomes.Add(outcome);
        }

        var result = new MailboxSyncResult(
            outcomes.Count(o => o == SyncOutcome.Updated),
            outcomes.Count(o => o == SyncOutcome.Unchanged),
            outcomes.Count(o => o == SyncOutcome.NoMailbox),
            outcomes.Count(o => o == SyncOutcome.Forbidden),
            outcomes.Count(o => o == SyncOutcome.Failed),
            outcomes.Count(o => o == SyncOutcome.Deferred));
        RunFinished(logger, result);
        return result;
    }

    /// <summary>One person, e.g. the first time AlignBot meets them; false when it does not know them.</summary>
    public async Task<bool> ExecuteForAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(aadObjectId, cancellationToken) is not { } person)
        {
            return false;
        }

        await SyncAsync(person, cancellationToken);
        return true;
    }

    private async Task<SyncOutcome> SyncAsync(PersonAvailability person, CancellationToken cancellationToken)
    {
        var lookup = await reader.ReadAsync(person.AadObjectId, cancellationToken);
        switch (lookup.Outcome)
        {
            case MailboxLookupOutcome.Found when lookup.Settings is { } settings:
                var next = person.WithMailbox(settings, clock.GetUtcNow());
                if (next == person)
                {
                    return SyncOutcome.Unchanged;
                }

                await store.SaveAsync(person, next, cancellationToken);
                MailboxApplied(logger, person.AadObjectId, next.TimeZone, next.TimeZoneSource, next.OutOfOfficeFrom, next.OutOfOfficeUntil, next.OutOfOfficeSource);
                return SyncOutcome.Updated;
            case MailboxLookupOutcome.NoMailbox:
                NoMailboxFound(logger, person.AadObjectId);
                return SyncOutcome.NoMailbox;
            case MailboxLookupOutcome.Forbidden:
                ReadForbidden(logger, person.AadObjectId, lookup.Error);
                return SyncOutcome.Forbidden;
            case MailboxLookupOutcome.Throttled:
                Throttled(logger, person.AadObjectId, lookup.RetryAfter);
                return SyncOutcome.Deferred;
            default:
                ReadFailed(logger, person.AadObjectId, lookup.Error);
                return SyncOutcome.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox settings applied for {AadObjectId}: time zone {TimeZone} ({TimeZoneSource}), out of office {From} to {Until} ({OutOfOfficeSource})")]
    private static partial void MailboxApplied(ILogger logger, string aadObjectId, string? timeZone, AvailabilitySource timeZoneSource, DateOnly? from, DateOnly? until, AvailabilitySource outOfOfficeSource);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No mailbox for {AadObjectId}: nothing to sync")]
    private static partial void NoMailboxFound(ILogger logger, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not allowed to read the mailbox settings of {AadObjectId} ({Error}): grant the app registration MailboxSettings.Read (application) with admin consent")]
    private static partial void ReadForbidden(ILogger logger, string aadObjectId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox settings still throttled at {AadObjectId} after retries (retry after {RetryAfter})")]
    private static partial void Throttled(ILogger logger, string aadObjectId, TimeSpan? retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox sync stopped while throttled: {Deferred} people wait for the next run")]
    private static partial void Deferred(ILogger logger, int deferred);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the mailbox settings of {AadObjectId} ({Error}); trying again next run")]
    private static partial void ReadFailed(ILogger logger, string aadObjectId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox sync: {Result}")]
    private static partial void RunFinished(ILogger logger, MailboxSyncResult result);

    private enum SyncOutcome
    {
        Updated,
        Unchanged,
        NoMailbox,
        Forbidden,
        Failed,
        Deferred,
    }
}
