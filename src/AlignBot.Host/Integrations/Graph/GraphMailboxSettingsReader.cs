using System.Net;
using AlignBot.Core.Availability;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using GraphAutomaticRepliesStatus = Microsoft.Graph.Models.AutomaticRepliesStatus;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>
/// GET /users/{id}/mailboxSettings through the Graph SDK. The HttpClient underneath retries 429 (with Retry-After)
/// and 5xx; what still fails comes back as an outcome, never as an exception, so one person cannot stop a sync.
/// </summary>
internal sealed class GraphMailboxSettingsReader(GraphServiceClient graph, ILogger<GraphMailboxSettingsReader> logger) : IMailboxSettingsReader
{
    public async Task<MailboxLookup> ReadAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await graph.Users[aadObjectId].MailboxSettings.GetAsync(cancellationToken: cancellationToken);
            if (settings is null)
            {
                return new MailboxLookup(MailboxLookupOutcome.NoMailbox);
            }

            var zone = GraphTimeZones.ToIana(settings.TimeZone);
            if (zone is null && !string.IsNullOrWhiteSpace(settings.TimeZone))
            {
                GraphLog.UnknownTimeZone(logger, aadObjectId, settings.TimeZone);
            }

            var replies = settings.AutomaticRepliesSetting;
            var status = replies?.Status switch
            {
                GraphAutomaticRepliesStatus.AlwaysEnabled => AutomaticRepliesStatus.AlwaysEnabled,
                GraphAutomaticRepliesStatus.Scheduled => AutomaticRepliesStatus.Scheduled,
                _ => AutomaticRepliesStatus.Disabled,
            };
            return MailboxLookup.Found(new MailboxSettings(
                zone,
                status,
                GraphTimeZones.ToUtc(replies?.ScheduledStartDateTime),
                GraphTimeZones.ToUtc(replies?.ScheduledEndDateTime)));
        }
        catch (ApiException error)
        {
            var code = (error as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code;
            GraphLog.Refused(logger, aadObjectId, error.ResponseStatusCode, code);
            var detail = $"HTTP {error.ResponseStatusCode}{(code is null ? "" : " " + code)}";
            return (HttpStatusCode)error.ResponseStatusCode switch
            {
                HttpStatusCode.NotFound => new MailboxLookup(MailboxLookupOutcome.NoMailbox, Error: detail),
                HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => new MailboxLookup(MailboxLookupOutcome.Forbidden, Error: detail),
                HttpStatusCode.TooManyRequests => new MailboxLookup(MailboxLookupOutcome.Throttled, RetryAfter: RetryAfter(error), Error: detail),
                _ => new MailboxLookup(MailboxLookupOutcome.Failed, Error: detail),
            };
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A timeout, a broken connection, an unreadable body or a token that could not be had: this person only.
            GraphLog.Failed(logger, error, aadObjectId);
            return new MailboxLookup(MailboxLookupOutcome.Failed, Error: error.GetType().Name);
        }
    }

    private static TimeSpan? RetryAfter(ApiException error)
    {
        if (!error.ResponseHeaders.TryGetValue("Retry-After", out var values) || values.FirstOrDefault() is not { } value)
        {
            return null;
        }

        return int.TryParse(value, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }
}
