using System.Text.Json;
using AlignBot.Channels.Teams;
using AlignBot.Channels.Teams.Activities;
using AlignBot.Channels.Teams.Auth;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Host.Conversations;

namespace AlignBot.Host.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint. Authenticates, parses, and hands the event to
/// the pipeline; answers invokes with the Universal Actions response in the body. A request that is too large or
/// malformed gets 400, an unauthenticated one 401, and neither changes anything.
/// </summary>
internal static class TeamsEndpoints
{
    public const int MaxBodyBytes = 256 * 1024;

    public static void MapTeams(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/messages", HandleAsync).DisableAntiforgery();

    internal static async Task<IResult> HandleAsync(HttpContext http, IInboundAuthenticator authenticator, InstallEnricher enricher, InboundPipeline pipeline, CancellationToken cancellationToken)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authenticator.IsRequired && string.IsNullOrWhiteSpace(authorization))
        {
            return Results.Unauthorized();
        }

        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return BadRequest($"The request body is over {MaxBodyBytes / 1024} KB.");
        }

        var parsed = ActivityParser.Parse(body);
        var activity = parsed switch
        {
            ParsedActivity.Event e => e.Activity,
            ParsedActivity.Ignored i => i.Activity,
            _ => null,
        };
        if (authenticator.IsRequired)
        {
            var auth = await authenticator.AuthenticateAsync(authorization, activity?.ChannelId, activity?.ServiceUrl, cancellationToken);
            if (!auth.Succeeded)
            {
                TeamsLog.Unauthorized(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AlignBot.Teams"), auth.Failure ?? "unknown");
                return Results.Unauthorized();
            }
        }

        switch (parsed)
        {
            case ParsedActivity.Invalid invalid:
                return BadRequest(invalid.Error);
            case ParsedActivity.Ignored:
                return Results.Ok();
        }

        var processing = RequestBody.Processing(http);
        var chatEvent = await enricher.EnrichAsync(((ParsedActivity.Event)parsed).ChatEvent, processing);
        var outcome = await pipeline.ProcessAsync(chatEvent, processing);
        if (chatEvent is CardActionSubmitted { ExpectsCardResponse: true })
        {
            return Results.Json(InvokeResponse(outcome), ActivityJson.Options);
        }

        if (chatEvent is MessageActionOpened or MessageActionSubmitted)
        {
            return TaskModuleResponse(outcome);
        }

        return Results.Ok();
    }

    /// <summary>
    /// The answer to a message action's fetchTask or submitAction (Teams task module protocol): the form in the dialog
    /// (<c>task</c> "continue"), a message shown in the dialog (<c>task</c> "message"), or an empty 200 that closes the
    /// dialog (Teams' "no response": what follows arrives as a message).
    /// </summary>
    private static IResult TaskModuleResponse(PipelineOutcome outcome) =>
        outcome switch
        {
            { Ack.UpdatedCard: { } card } => Results.Json(
                new { task = new { type = "continue", value = new { title = outcome.Ack.DialogTitle ?? "AlignBot", card = new { contentType = AdaptiveCard.ContentType, content = CardJson.ToNode(card) } } } },
                ActivityJson.Options),
            { Ack.Message: { } message } => Results.Json(new { task = new { type = "message", value = message } }, ActivityJson.Options),
            { IsDuplicate: true } => Results.Json(new { task = new { type = "message", value = "AlignBot already has this." } }, ActivityJson.Options),
            _ => Results.Ok(),
        };

    /// <summary>The Universal Actions response: the updated card, or a message Teams shows under the card.</summary>
    private static object InvokeResponse(PipelineOutcome outcome) =>
        outcome switch
        {
            { IsDuplicate: true } => new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "Already done." },
            { Ack.UpdatedCard: { } card } => new { statusCode = 200, type = AdaptiveCard.ContentType, value = (object)CardJson.ToNode(card) },
            { Ack.Message: { } message } => new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = (object)message },
            _ => new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = (object)"Done." },
        };

    private static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The activity was not accepted.");
}
