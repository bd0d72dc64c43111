using AlignBot.Host.Conversations;
using AlignBot.Channels.Slack;

namespace AlignBot.Host.Slack;

/// <summary>
/// <c>POST /slack/events</c>: the Events API request URL. The raw body (at most 256 KB) is verified against the signing
/// secret before anything is read from it: a missing, wrong or stale signature gets a bare 401 and changes nothing.
/// <c>url_verification</c> is answered with its challenge; a handled event goes through the same pipeline as Teams
/// (a Slack retry, <c>X-Slack-Retry-Num</c>, carries the same <c>event_id</c> and is dropped there as a duplicate),
/// and is acknowledged with 200 as soon as its replies are in the outbox: sending them happens after the ack, and so does
/// reading the person's Slack profile (name, time zone, locale) the first time AlignBot meets them.
/// </summary>
internal static class SlackEndpoints
{
    public const int MaxBodyBytes = 256 * 1024;
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public static void MapSlack(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSlackInstall();
        if (endpoints.ServiceProvider.GetService<SlackRequestVerifier>() is null)
        {
            return; // no signing secret: no way to tell Slack's requests from anyone's
        }

        endpoints.MapPost("/slack/events", HandleEventsAsync).DisableAntiforgery();
        endpoints.MapSlackInteractions();
    }

    internal static async Task<IResult> HandleEventsAsync(HttpContext http, SlackRequestVerifier verifier, SlackEventIntake intake, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("AlignBot.Slack");
        var (body, refused) = await ReadVerifiedAsync(http, verifier, logger, cancellationToken);
        if (body is null)
        {
            return refused!;
        }

        return await intake.ProcessAsync(body, http.Request.Headers[RetryNumHeader].ToString(), RequestBody.Processing(http)) switch
        {
            SlackEventOutcome.Challenge challenge => Results.Text(challenge.Value, "text/plain"),
            SlackEventOutcome.NotUnderstood => Results.BadRequest(),
            _ => Results.Ok(),
        };
    }

    /// <summary>
    /// The raw body (at most 256 KB) once its signature checks out; otherwise no body and the answer: 413 for a body over
    /// the limit, a bare 401 for a missing, wrong or stale signature (the reason goes to the log only).
    /// </summary>
    internal static async Task<(byte[]? Body, IResult? Refused)> ReadVerifiedAsync(HttpContext http, SlackRequestVerifier verifier, ILogger logger, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var headers = http.Request.Headers;
        if (!verifier.Verify(headers[SlackRequestVerifier.TimestampHeader].ToString(), headers[SlackRequestVerifier.SignatureHeader].ToString(), body, out var failure))
        {
            SlackLog.Unauthorized(logger, failure);
            return (null, Results.Unauthorized());
        }

        return (body, null);
    }
}
