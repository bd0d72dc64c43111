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
        int updated = 0, unchanged = 0, noMailbox = 0, forbidden = 0, failed = 0;
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            var lookup = await reader.ReadAsync(person.AadObjectId, cancellationToken);
            switch (lookup.Outcome)
            {
                case MailboxLookupOutcome.Found when lookup.Settings is { } settings:
                    var next = person.WithMailbox(settings, clock.GetUtcNow());
                    if (next == person)
                    {
                        unchanged++;
                        break;
                    }

                    await store.SaveAsync(person, next, cancellationToken);
                    MailboxApplied(logger, person.AadObjectId, next.TimeZone, next.TimeZoneSource, next.OutOfOfficeFrom, next.OutOfOfficeUntil, next.OutOfOfficeSource);
                    updated++;
                    break;
                case MailboxLookupOutcome.NoMailbox:
                    NoMailboxFound(logger, person.AadObjectId);
                    noMailbox++;
                    break;
                case MailboxLookupOutcome.Forbidden:
                    ReadForbidden(logger, person.AadObjectId, lookup.Error);
                    forbidden++;
                    break;
                case MailboxLookupOutcome.Throttled:
                    var deferred = people.Count - i;
                    Throttled(logger, person.AadObjectId, lookup.RetryAfter, deferred);
                    var throttledResult = new MailboxSyncResult(updated, unchanged, noMailbox, forbidden, failed, deferred);
                    RunFinished(logger, throttledResult);
                    return throttledResult;
                default:
                    ReadFailed(logger, person.AadObjectId, lookup.Error);
                    failed++;
                    break;
            }
        }

        var result = new MailboxSyncResult(updated, unchanged, noMailbox, forbidden, failed, 0);
        RunFinished(logger, result);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox settings applied for {AadObjectId}: time zone {TimeZone} ({TimeZoneSource}), out of office {From} to {Until} ({OutOfOfficeSource})")]
    private static partial void MailboxApplied(ILogger logger, string aadObjectId, string? timeZone, AvailabilitySource timeZoneSource, DateOnly? from, DateOnly? until, AvailabilitySource outOfOfficeSource);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No mailbox for {AadObjectId}: nothing to sync")]
    private static partial void NoMailboxFound(ILogger logger, string aadObjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not allowed to read the mailbox settings of {AadObjectId} ({Error}): grant the app registration MailboxSettings.Read (application) with admin consent")]
    private static partial void ReadForbidden(ILogger logger, string aadObjectId, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox settings still throttled at {AadObjectId} after retries (retry after {RetryAfter}); {Deferred} people wait for the next run")]
    private static partial void Throttled(ILogger logger, string aadObjectId, TimeSpan? retryAfter, int deferred);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the mailbox settings of {AadObjectId} ({Error}); trying again next run")]
    private static partial void ReadFailed(ILogger logger, string aadObjectId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox sync: {Result}")]
    private static partial void RunFinished(ILogger logger, MailboxSyncResult result);
}
