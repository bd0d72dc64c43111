using System.Buffers;
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
    }

    internal static async Task<IResult> HandleEventsAsync(HttpContext http, SlackRequestVerifier verifier, SlackEventIntake intake, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = http.Request.Headers;
        if (!verifier.Verify(headers[SlackRequestVerifier.TimestampHeader].ToString(), headers[SlackRequestVerifier.SignatureHeader].ToString(), body, out var failure))
        {
            SlackLog.Unauthorized(loggers.CreateLogger("AlignBot.Slack"), failure);
            return Results.Unauthorized();
        }

        return await intake.ProcessAsync(body, headers[RetryNumHeader].ToString(), cancellationToken) switch
        {
            SlackEventOutcome.Challenge challenge => Results.Text(challenge.Value, "text/plain"),
            SlackEventOutcome.NotUnderstood => Results.BadRequest(),
            _ => Results.Ok(),
        };
    }

    /// <summary>Reads the body up to the limit; null when it is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(8192), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return null;
            }
        }
    }
}
