using System.Net;
using System.Text.Json;
using AlignBot.Core.Availability;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AlignBot.Host.Integrations.Graph;

/// <summary>
/// GET /users/{id}/mailboxSettings through the Graph SDK. The HttpClient underneath retries 429 (with Retry-After)
/// and 5xx; what still fails comes back as an outcome, never as an exception, so one person cannot stop a sync.
/// </summary>
internal sealed class GraphMailboxSettingsReader(GraphServiceClient graph, ILogger<GraphMailboxSettingsReader> logger) : IMailboxSettingsReader
{
    /// <summary>
    /// The user's address (<c>mail</c>, else <c>userPrincipalName</c>) from <c>GET /users/{id}</c>, which needs
    /// User.Read.All: without it (or on any failure) the settings still count and the address is simply not known.
    /// </summary>
    private async Task<string?> EmailAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            var user = await graph.Users[aadObjectId].GetAsync(r => r.QueryParameters.Select = ["mail", "userPrincipalName"], cancellationToken);
            var address = string.IsNullOrWhiteSpace(user?.Mail) ? user?.UserPrincipalName : user.Mail;
            return address is not null && address.Contains('@', StringComparison.Ordinal) ? address.Trim() : null;
        }
        catch (ApiException error)
        {
            GraphLog.EmailNotRead(logger, aadObjectId, error.ResponseStatusCode);
            return null;
        }
    }

    public async Task<MailboxLookup> ReadAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        try
        {
            // The body is read leniently rather than into the SDK's MailboxSettings model: real answers carry
            // properties whose shape differs from that model (userPurpose as an object) and would fail the whole read
            // for the two properties AlignBot needs.
            var request = graph.Users[aadObjectId].MailboxSettings.ToGetRequestInformation();
            await using var body = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken);
            if (body is null)
            {
                return new MailboxLookup(MailboxLookupOutcome.NoMailbox);
            }

            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var settings = json.RootElement;
            var zoneName = Text(settings, "timeZone");
            var zone = GraphTimeZones.ToIana(zoneName);
            if (zone is null && !string.IsNullOrWhiteSpace(zoneName))
            {
                GraphLog.UnknownTimeZone(logger, aadObjectId, zoneName);
            }

            var replies = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("automaticRepliesSetting", out var found) && found.ValueKind == JsonValueKind.Object
                ? found
                : default;
            var status = Text(replies, "status")?.ToUpperInvariant() switch
            {
                "ALWAYSENABLED" => AutomaticRepliesStatus.AlwaysEnabled,
                "SCHEDULED" => AutomaticRepliesStatus.Scheduled,
                _ => AutomaticRepliesStatus.Disabled,
            };
            return MailboxLookup.Found(new MailboxSettings(
                zone,
                status,
                GraphTimeZones.ToUtc(Text(replies, "scheduledStartDateTime", "dateTime"), Text(replies, "scheduledStartDateTime", "timeZone")),
                GraphTimeZones.ToUtc(Text(replies, "scheduledEndDateTime", "dateTime"), Text(replies, "scheduledEndDateTime", "timeZone")),
                await EmailAsync(aadObjectId, cancellationToken)));
        }
        catch (ApiException error)
        {
            var code = (error as ODataError)?.Error?.Code;
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

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new(StringComparer.OrdinalIgnoreCase)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <summary>A string at a path of object properties, or null when any step is missing or not of that shape.</summary>
    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
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
