using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using AlignBot.Channels.Slack.Blocks;
using AlignBot.Channels.Slack.Interactions;
using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;
using AlignBot.Core.Routing;
using AlignBot.Data;
using AlignBot.Data.Conversations;
using AlignBot.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using AlignBot.Host.Conversations;

namespace AlignBot.Host.Slack;

/// <summary>
/// <c>POST /slack/interactions</c> (buttons, modals, shortcuts) and <c>POST /slack/commands</c> (<c>/alignbot ...</c>).
/// Every request is verified like <c>/slack/events</c> (bad or stale signature: 401, malformed: 400, never a 500) and
/// answered inside Slack's three seconds, once the pipeline has committed: the work that follows (messages, in-place
/// updates) is in the outbox. On Slack a card with inputs is a modal: a message shows a form's read-only part and an
/// <b>Open form</b> button, whose press opens the card behind the message (looked up in the outbox) with
/// <c>views.open</c> while its <c>trigger_id</c> lives. A form submitted with mistakes stays open with each error under
/// its input (<c>response_action: errors</c>, what was typed kept); a form done with closes, and the message it came
/// from is updated in place. What a press answers only the presser sees (<c>chat.postEphemeral</c>), and so does the
/// answer to a command typed in a channel.
/// </summary>
internal static class SlackInteractionEndpoints
{
    public static void MapSlackInteractions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/slack/interactions", HandleInteractionAsync).DisableAntiforgery();
        endpoints.MapPost("/slack/commands", HandleCommandAsync).DisableAntiforgery();
    }

    internal static async Task<IResult> HandleInteractionAsync(HttpContext http, SlackRequestVerifier verifier, SlackInteractivity interactivity, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (body, refused) = await SlackEndpoints.ReadVerifiedAsync(http, verifier, loggers.CreateLogger("AlignBot.Slack"), cancellationToken);
        return body is null ? refused! : Result(await interactivity.InteractAsync(SlackInteractionParser.Parse(body), RequestBody.Processing(http)));
    }

    internal static async Task<IResult> HandleCommandAsync(HttpContext http, SlackRequestVerifier verifier, SlackInteractivity interactivity, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (body, refused) = await SlackEndpoints.ReadVerifiedAsync(http, verifier, loggers.CreateLogger("AlignBot.Slack"), cancellationToken);
        return body is null ? refused! : Result(await interactivity.CommandAsync(SlackInteractionParser.ParseCommand(body), RequestBody.Processing(http)));
    }

    private static IResult Result(SlackAnswer answer) =>
        answer switch
        {
            { NotUnderstood: true } => Results.BadRequest(),
            { Body: { } json } => Results.Json(json),
            _ => Results.Ok(),
        };
}

/// <summary>What Slack is answered: nothing more than a 200, a JSON body (a modal's errors, update or clear), or "not understood" (400).</summary>
internal sealed record SlackAnswer(JsonObject? Body = null, bool NotUnderstood = false)
{
    public static readonly SlackAnswer Ok = new();

    public static readonly SlackAnswer Invalid = new(NotUnderstood: true);
}

/// <summary>
/// The handling behind <c>/slack/interactions</c> and <c>/slack/commands</c>, and behind Socket Mode's <c>interactive</c>
/// and <c>slash_commands</c> envelopes (whose answer goes back in the envelope's ack): one code for both ways in.
/// </summary>
internal sealed class SlackInteractivity(
    InboundPipeline pipeline,
    OutboxStore outbox,
    ChatRouter router,
    InboundDeduplicator deduplicator,
    IServiceProvider services,
    ILogger<SlackInteractivity> logger) : ISlackInteractivity
{
    public async Task<JsonNode?> HandleInteractionAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        (await InteractAsync(SlackInteractionParser.ParsePayload(payload.Span), cancellationToken)).Body;

    public async Task<JsonNode?> HandleSlashCommandAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        (await CommandAsync(SlackInteractionParser.ParseCommandPayload(payload.Span), cancellationToken)).Body;

    public async Task<SlackAnswer> InteractAsync(ParsedSlackInteraction parsed, CancellationToken cancellationToken)
    {
        var api = services.GetService<SlackWebApiClient>();
        switch (parsed)
        {
            case ParsedSlackInteraction.Invalid invalid:
                SlackLog.Invalid(logger, invalid.Error);
                return SlackAnswer.Invalid;
            case ParsedSlackInteraction.Ignored ignored:
                SlackLog.Ignored(logger, ignored.Reason);
                return SlackAnswer.Ok;
            case ParsedSlackInteraction.OpenForm open:
                if (await TryUseTriggerOnceAsync(open.TriggerId, cancellationToken))
                {
                    await OpenFormAsync(open, outbox, api, logger, cancellationToken);
                }
                else
                {
                    SlackLog.Ignored(logger, "Open form sent again: its trigger_id opened the form already.");
                }

                return SlackAnswer.Ok;
            case ParsedSlackInteraction.Event { ChatEvent: MessageActionOpened shortcut, TriggerId: { } trigger }:
                // Slack's message shortcut carries no link to the message: chat.getPermalink gives it, so the form
                // links the message as Teams' does (a short call, well inside the three seconds the trigger lives).
                var opened = shortcut is { MessageLink: null, ActivityId: { } messageTs } && api is not null
                    ? shortcut with { MessageLink = await api.PermalinkAsync(shortcut.Conversation.TenantId, shortcut.Conversation.ConversationId, messageTs, cancellationToken) }
                    : shortcut;
                var shown = await pipeline.ProcessAsync(opened, cancellationToken);
                if (shown.Ack.UpdatedCard is { } dialog)
                {
                    var metadata = new ModalMetadata(opened.Conversation.TenantId, opened.Conversation.ConversationId, opened.Conversation.Kind, null, null, null, opened.CommandId);
                    await OpenModalAsync(api, opened.Conversation.TenantId, trigger, dialog, 0, shown.Ack.DialogTitle, metadata, logger, cancellationToken);
                }

                return SlackAnswer.Ok;
            case ParsedSlackInteraction.Event { IsSubmission: true, View: { } view } submitted:
                return await SubmitAsync(submitted.ChatEvent, view, pipeline, cancellationToken);
            case ParsedSlackInteraction.Event { ChatEvent: CardActionSubmitted press } when !router.ActionVerbs.Contains(press.Verb):
                // Not a button AlignBot made (another app's, or one from an older card): nothing to do.
                SlackLog.UnknownAction(logger, press.Verb);
                return SlackAnswer.Ok;
            case ParsedSlackInteraction.Event { ChatEvent: CardActionSubmitted press } pressed:
                await PressAsync(press, pressed.TriggerId, pressed.View, pipeline, api, logger, cancellationToken);
                return SlackAnswer.Ok;
            default:
                return SlackAnswer.Ok;
        }
    }

    public async Task<SlackAnswer> CommandAsync(ParsedSlackInteraction parsed, CancellationToken cancellationToken)
    {
        switch (parsed)
        {
            case ParsedSlackInteraction.Invalid invalid:
                SlackLog.Invalid(logger, invalid.Error);
                return SlackAnswer.Invalid;
            case ParsedSlackInteraction.Event { ChatEvent: MessageReceived command }:
                // The answer is for the person who typed: in a channel only they see it; in the DM it is the next message.
                await pipeline.ProcessAsync(command, cancellationToken, ack => ack.Outbound.Select(m =>
                    command.From is { } typist && m.To == command.Conversation && m.Operation is OutboundOperation.Send or OutboundOperation.Reply
                        ? command.Conversation.Kind == ConversationKind.Personal
                            ? OutboundMessage.Send(m.To, m.Content ?? MessageContent.FromText(""), m.Key)
                            : OutboundMessage.Ephemeral(m.To, typist, m.Content ?? MessageContent.FromText(""))
                        : m));
                return SlackAnswer.Ok;
            default:
                return SlackAnswer.Ok;
        }
    }

    /// <summary>
    /// A button on a message or in a modal. The answer's card replaces the message in place (<c>chat.update</c>, through
    /// the outbox) or, when it is a form, opens as a modal (pressed on a message) or replaces the modal (pressed in one).
    /// A refusal or a short answer goes to the presser alone.
    /// </summary>
    private static async Task PressAsync(CardActionSubmitted press, string? triggerId, SlackView? view, InboundPipeline pipeline, SlackWebApiClient? api, ILogger logger, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.ProcessAsync(press, cancellationToken, ack => PressMessages(press, ack, formStaysInModal: true));
        if (outcome.IsDuplicate || outcome.Ack.Refusal is not null || outcome.Ack.UpdatedCard is not { } card || api is null)
        {
            return;
        }

        var team = press.Conversation.TenantId;
        var metadata = new ModalMetadata(team, press.Conversation.ConversationId, press.Conversation.Kind, press.ActivityId, null, null);
        if (view is not null)
        {
            var next = BlockKitRenderer.HasInputs(card)
                ? Modal(card, 0, Title(card), metadata)
                : BlockKitRenderer.RenderReadOnlyModal(card, Title(card), metadata.Serialize() ?? "");
            if (next is null)
            {
                SlackLog.CallFailed(logger, "views.update", MetadataTooLong);
                return;
            }

            Check(await api.UpdateViewAsync(team, view.Id, view.Hash, next, cancellationToken), "views.update", logger);
        }
        else if (BlockKitRenderer.HasInputs(card) && triggerId is not null)
        {
            await OpenModalAsync(api, team, triggerId, card, 0, null, metadata, logger, cancellationToken);
        }
    }

    /// <summary>
    /// A modal's submit: mistakes → the modal stays open with each error under its input; another form (a question back,
    /// the form again with a note) → the modal shows it; done → the modal closes and the message it came from is updated.
    /// </summary>
    private static async Task<SlackAnswer> SubmitAsync(ChatEvent submission, SlackView view, InboundPipeline pipeline, CancellationToken cancellationToken)
    {
        // While the modal stays open (mistakes, or another form) the message it came from stays as it is.
        var outcome = await pipeline.ProcessAsync(submission, cancellationToken, ack =>
            ack.InputErrors is { Count: > 0 } || StaysInModal(ack) || submission is not CardActionSubmitted press
                ? ack.Outbound
                : PressMessages(press, ack, formStaysInModal: false));
        var ack = outcome.Ack;
        if (outcome.IsDuplicate)
        {
            return Clear();
        }

        if (ack.InputErrors is { Count: > 0 } errors)
        {
            return new SlackAnswer(new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject([.. errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]) });
        }

        if (StaysInModal(ack) && ack.UpdatedCard is { } card)
        {
            return Modal(card, 0, ack.DialogTitle ?? Title(card), view.Metadata) is { } next
                ? new SlackAnswer(new JsonObject { ["response_action"] = "update", ["view"] = next })
                : Clear();
        }

        if (submission is MessageActionSubmitted && ack.Message is { } message)
        {
            // A message action's form has no message to answer under: the modal says it.
            var text = new AdaptiveCard { Body = [new TextBlock(message)] };
            return new SlackAnswer(new JsonObject { ["response_action"] = "update", ["view"] = BlockKitRenderer.RenderReadOnlyModal(text, ack.DialogTitle ?? "AlignBot", view.Metadata.Serialize() ?? "") });
        }

        return Clear();
    }

    /// <summary>
    /// The outbox rows of a press's answer on Slack: a refusal or a short answer only to the presser, a card that is
    /// not a form in place of the message pressed, the handler's own messages as they are.
    /// </summary>
    private static IEnumerable<OutboundMessage> PressMessages(CardActionSubmitted press, Ack ack, bool formStaysInModal)
    {
        if (ack.Refusal is { } refusal && press.From is { } refused)
        {
            yield return OutboundMessage.Ephemeral(press.Conversation, refused, MessageContent.FromText(refusal));
            yield break;
        }

        if (ack.UpdatedCard is { } card && !(formStaysInModal && BlockKitRenderer.HasInputs(card)) && press.ActivityId is { Length: > 0 } ts && press.Conversation.ConversationId.Length > 0)
        {
            yield return OutboundMessage.UpdateActivity(press.Conversation, ts, MessageContent.FromCard(card));
        }

        if (ack.Message is { } text && press.From is { } presser && press.Conversation.ConversationId.Length > 0)
        {
            yield return OutboundMessage.Ephemeral(press.Conversation, presser, MessageContent.FromText(text));
        }

        foreach (var message in ack.Outbound)
        {
            yield return message;
        }
    }

    /// <summary>
    /// The Open form press changes nothing but opens a modal, so it does not go through the pipeline; its trigger_id is
    /// recorded like a delivery id all the same, so the press sent again (here or on another instance, before or after a
    /// restart) does not call views.open a second time with a trigger Slack has already spent.
    /// </summary>
    private Task<bool> TryUseTriggerOnceAsync(string triggerId, CancellationToken cancellationToken) =>
        deduplicator.TryUseOnceAsync(Platform.Slack, "open-form:" + triggerId, cancellationToken);

    /// <summary>The Open form button: the card the message shows now, from the outbox, as a modal.</summary>
    private static async Task OpenFormAsync(ParsedSlackInteraction.OpenForm open, OutboxStore outbox, SlackWebApiClient? api, ILogger logger, CancellationToken cancellationToken)
    {
        var conversation = open.Conversation;
        if (await outbox.FindLatestContentAsync(Platform.Slack, conversation.ConversationId, open.MessageTs, cancellationToken) is not { Card: { } card })
        {
            SlackLog.Ignored(logger, "Open form on a message AlignBot has no card for.");
            return;
        }

        var metadata = new ModalMetadata(conversation.TenantId, conversation.ConversationId, conversation.Kind, open.MessageTs, null, null);
        await OpenModalAsync(api, conversation.TenantId, open.TriggerId, card, open.Form, null, metadata, logger, cancellationToken);
    }

    private static async Task OpenModalAsync(SlackWebApiClient? api, string team, string triggerId, AdaptiveCard card, int form, string? title, ModalMetadata metadata, ILogger logger, CancellationToken cancellationToken)
    {
        if (api is null)
        {
            return;
        }

        if (Modal(card, form, title ?? Title(card), metadata) is not { } modal)
        {
            SlackLog.CallFailed(logger, "views.open", MetadataTooLong);
            return;
        }

        Check(await api.OpenViewAsync(team, triggerId, modal, cancellationToken), "views.open", logger);
    }

    /// <summary>
    /// The card's form <paramref name="form"/> as a modal whose metadata carries what its submission needs (the submit
    /// action's verb and data); null when the card has no such form or that is over what Slack keeps.
    /// </summary>
    private static JsonObject? Modal(AdaptiveCard card, int form, string title, ModalMetadata metadata)
    {
        var fits = true;
        var modal = BlockKitRenderer.RenderModal(card, form, title, submit =>
        {
            var serialized = (metadata with { Verb = submit?.Verb, Data = submit?.Data }).Serialize();
            fits = serialized is not null;
            return serialized ?? "";
        });
        return fits ? modal?.View : null;
    }

    private static void Check(SlackApiResponse response, string method, ILogger logger)
    {
        if (!response.Ok)
        {
            SlackLog.CallFailed(logger, method, response.Error ?? "unknown");
        }
    }

    /// <summary>A modal's title: the card's first text (its heading), else the product's name.</summary>
    private static string Title(AdaptiveCard card) =>
        card.Body.OfType<TextBlock>().FirstOrDefault()?.Text.Replace("**", "", StringComparison.Ordinal) is { Length: > 0 } heading ? heading : "AlignBot";

    private const string MetadataTooLong = "the form's data is over the 3,000 characters a modal keeps";

    private static bool StaysInModal(Ack ack) => ack.Refusal is null && ack.UpdatedCard is { } card && BlockKitRenderer.HasInputs(card);

    private static SlackAnswer Clear() => new(new JsonObject { ["response_action"] = "clear" });
}
