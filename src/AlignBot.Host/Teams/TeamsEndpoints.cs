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

    /// <summary>
    /// The endpoint's collaborators are the application's singletons, taken once: a request opens no service scope of
    /// its own (the pipeline gives each event one), and a plain acknowledgement is written without a result object.
    /// </summary>
    public static void MapTeams(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        TeamsMessages? messages = null;
        endpoints.MapPost("/api/messages", http => (messages ??= services.GetRequiredService<TeamsMessages>()).HandleAsync(http)).DisableAntiforgery();
    }
}

/// <summary>The handling behind <c>POST /api/messages</c> (see <see cref="TeamsEndpoints"/>).</summary>
internal sealed class TeamsMessages(IInboundAuthenticator authenticator, InstallEnricher enricher, InboundPipeline pipeline, IHostApplicationLifetime lifetime, ILogger<TeamsMessages> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authenticator.IsRequired && string.IsNullOrWhiteSpace(authorization))
        {
            await Results.Unauthorized().ExecuteAsync(http);
            return;
        }

        var body = await RequestBody.ReadAsync(http.Request, TeamsEndpoints.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            await BadRequest($"The request body is over {TeamsEndpoints.MaxBodyBytes / 1024} KB.").ExecuteAsync(http);
            return;
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
            var auth = await authenticator.AuthenticateAsync(authorization, activity?.ChannelId, activity?.ServiceUrl, http.RequestAborted);
            if (!auth.Succeeded)
            {
                TeamsLog.Unauthorized(logger, auth.Failure ?? "unknown");
                await Results.Unauthorized().ExecuteAsync(http);
                return;
            }
        }

        switch (parsed)
        {
            case ParsedActivity.Invalid invalid:
                await BadRequest(invalid.Error).ExecuteAsync(http);
                return;
            case ParsedActivity.Ignored:
                return; // 200, nothing done
        }

        // From here the event is handled to the end, even if the caller hangs up (see RequestBody.Processing).
        var processing = lifetime.ApplicationStopping;
        var chatEvent = await enricher.EnrichAsync(((ParsedActivity.Event)parsed).ChatEvent, processing);
        var outcome = await pipeline.ProcessAsync(chatEvent, processing);
        if (chatEvent is CardActionSubmitted { ExpectsCardResponse: true })
        {
            await WriteJsonAsync(http, InvokeResponse(outcome));
        }
        else if (chatEvent is MessageActionOpened or MessageActionSubmitted && TaskModuleResponse(outcome) is { } taskModule)
        {
            await WriteJsonAsync(http, taskModule);
        }
    }

    private static Task WriteJsonAsync(HttpContext http, object value) =>
        http.Response.WriteAsJsonAsync(value, value.GetType(), ActivityJson.Options, http.RequestAborted);

    /// <summary>
    /// The answer to a message action's fetchTask or submitAction (Teams task module protocol): the form in the dialog
    /// (<c>task</c> "continue"), a message shown in the dialog (<c>task</c> "message"), or an empty 200 that closes the
    /// dialog (Teams' "no response": what follows arrives as a message).
    /// </summary>
    private static object? TaskModuleResponse(PipelineOutcome outcome) =>
        outcome switch
        {
            { Ack.UpdatedCard: { } card } => new { task = new { type = "continue", value = new { title = outcome.Ack.DialogTitle ?? "AlignBot", card = new { contentType = AdaptiveCard.ContentType, content = CardJson.ToNode(card) } } } },
            { Ack.Message: { } message } => new { task = new { type = "message", value = message } },
            { IsDuplicate: true } => new { task = new { type = "message", value = "AlignBot already has this." } },
            _ => null,
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
