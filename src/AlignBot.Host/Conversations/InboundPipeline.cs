using AlignBot.Core.Conversations;
using AlignBot.Core.Routing;
using AlignBot.Data;
using AlignBot.Data.Conversations;
using AlignBot.Data.Outbox;
using AlignBot.Host.Home;
using AlignBot.Host.Integrations.Graph;
using AlignBot.Host.Outbox;
using Microsoft.EntityFrameworkCore;

namespace AlignBot.Host.Conversations;

/// <summary>
/// The one path every inbound event takes, whatever the platform: in one database transaction the
/// <see cref="InboundEventHandler"/> records the delivery id (a retry does nothing twice), refreshes the stored
/// conversation and person, runs the handler the router picks, and writes the handler's messages to the outbox. Once
/// that has committed, this wakes the dispatcher and asks for the mailbox settings of a person just met. It holds no
/// state of its own: each event gets a service scope of its own, in the SQLite writer's next batch or, on PostgreSQL,
/// with a transaction of its own, so the caller's request needs none.
/// </summary>
internal sealed class InboundPipeline(IServiceScopeFactory scopes, OutboxSignal signal, MailboxSyncTrigger mailboxSync, InboundBatches? batches = null)
{
    /// <param name="messages">
    /// The messages to write for the handler's answer, when the platform shows the answer its own way (Slack: a press's
    /// message only to the presser, a form in a modal); by default, the handler's messages and the press's in-place update.
    /// </param>
    public async Task<PipelineOutcome> ProcessAsync(ChatEvent chatEvent, CancellationToken cancellationToken, Func<Ack, IEnumerable<OutboundMessage>>? messages = null)
    {
        var handled = batches is not null
            ? await batches.RunAsync(
                (eventServices, batched, token) => eventServices.GetRequiredService<InboundEventHandler>().HandleAsync(chatEvent, messages, batched.RollBackAsync, token),
                cancellationToken)
            : await HandleInOwnTransactionAsync(chatEvent, messages, cancellationToken);

        // Committed: the dispatcher may send, and a person met for the first time gets their mailbox settings read.
        if (handled.Committed.Count > 0)
        {
            signal.Notify(handled.Committed);
        }

        if (handled.MetFirst is { } metFirst)
        {
            await mailboxSync.RequestAsync(metFirst, cancellationToken);
        }

        return handled.Outcome;
    }

    /// <summary>The event in a scope and a transaction of its own, at the write gate's turn (PostgreSQL, where writers do not queue).</summary>
    private async Task<InboundEventHandler.Handled> HandleInOwnTransactionAsync(ChatEvent chatEvent, Func<Ack, IEnumerable<OutboundMessage>>? messages, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        using var turn = await services.GetRequiredService<WriteGate>().EnterAsync(cancellationToken);
        await using var transaction = await services.GetRequiredService<AlignBotDbContext>().Database.BeginTransactionAsync(cancellationToken);
        var handled = await services.GetRequiredService<InboundEventHandler>().HandleAsync(chatEvent, messages, transaction.RollbackAsync, cancellationToken);
        if (!handled.RolledBack)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return handled;
    }
}

/// <summary>One inbound event's work, in the service scope and the transaction <see cref="InboundPipeline"/> gives it.</summary>
internal sealed class InboundEventHandler(
    AlignBotDbContext db,
    InboundDeduplicator deduplicator,
    ConversationCapture capture,
    OutboxWriter outbox,
    ChatRouter router,
    IServiceProvider services,
    HomeRefresh homes,
    ILogger<InboundPipeline> logger)
{
    /// <summary>
    /// The event's work inside the transaction it is given: records the delivery id, refreshes the conversation and
    /// person, runs the handler and writes its messages. <paramref name="rollBack"/> undoes what the event wrote.
    /// </summary>
    public async Task<Handled> HandleAsync(ChatEvent chatEvent, Func<Ack, IEnumerable<OutboundMessage>>? messages, Func<CancellationToken, Task> rollBack, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Platform"] = chatEvent.Conversation.Platform.ToString(),
            ["TenantId"] = chatEvent.Conversation.TenantId,
            ["DeliveryId"] = chatEvent.DeliveryId,
        });

        if (!await deduplicator.TryRecordAsync(chatEvent.Conversation.Platform, chatEvent.DeliveryId, cancellationToken))
        {
            PipelineLog.Duplicate(logger, chatEvent.DeliveryId);
            return new Handled(await DuplicateAsync(chatEvent, cancellationToken));
        }

        var metFirst = await capture.CaptureAsync(chatEvent, cancellationToken);
        if (chatEvent.From is { AadObjectId: null } sender && capture.LinkedMemberId is { } memberId)
        {
            // A Slack user linked to a member is that member, under the member's name until Slack gives theirs.
            chatEvent = chatEvent with { From = sender with { AadObjectId = memberId, DisplayName = sender.DisplayName ?? capture.DisplayName } };
        }

        await SaveChangesAsync(cancellationToken); // inside the transaction: handlers see the person and conversation as of now
        var ack = await router.RouteAsync(chatEvent, services, cancellationToken);
        var outbound = (messages is null ? Outbound(chatEvent, ack) : messages(ack)).ToList();
        if (ack.InputErrors is { Count: > 0 } && outbound.Count == 0)
        {
            // Refused for its mistakes, the submission changed nothing, so it is not remembered as handled: sent again
            // (a replayed view_submission, a retried invoke) it gets the same mistakes back, not a duplicate's silence
            // that would close the form with nothing filed.
            await rollBack(cancellationToken);
            db.ChangeTracker.Clear();
            PipelineLog.Processed(logger, chatEvent.GetType().Name, 0);
            return new Handled(new PipelineOutcome(false, ack)) { RolledBack = true };
        }

        var written = await outbox.AddAsync(outbound, cancellationToken);
        written += await outbox.AddAsync(await homes.AfterAsync(outbound, cancellationToken), cancellationToken);
        await SaveChangesAsync(cancellationToken);
        PipelineLog.Processed(logger, chatEvent.GetType().Name, written);
        return new Handled(new PipelineOutcome(false, ack)) { Committed = outbox.Committed(), MetFirst = metFirst };
    }

    /// <summary>
    /// Saves what the event's work tracked; most events track nothing (their writes are plain statements), and asking
    /// the change tracker is cheaper than a save that finds nothing to do.
    /// </summary>
    private Task SaveChangesAsync(CancellationToken cancellationToken) =>
        db.ChangeTracker.HasChanges() ? db.SaveChangesAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>What became of an event, and what to do once its transaction has committed.</summary>
    public sealed record Handled(PipelineOutcome Outcome)
    {
        public bool RolledBack { get; init; }

        public IReadOnlyList<OutboxItem> Committed { get; init; } = [];

        public string? MetFirst { get; init; }
    }

    /// <summary>
    /// The handler's messages, plus — for a card press that arrived as a plain message (Action.Submit), where no
    /// card can be returned in the response — the updated card as an in-place update of the pressed card.
    /// </summary>
    private static IEnumerable<OutboundMessage> Outbound(ChatEvent chatEvent, Ack ack)
    {
        if (chatEvent is CardActionSubmitted { ExpectsCardResponse: false } action)
        {
            if (ack.UpdatedCard is { } card && action.ActivityId is { } cardActivityId)
            {
                yield return OutboundMessage.UpdateActivity(action.Conversation, cardActivityId, MessageContent.FromCard(card));
            }
            else if (ack.UpdatedCard is { } newCard)
            {
                yield return OutboundMessage.Send(action.Conversation, MessageContent.FromCard(newCard));
            }

            if (ack.Message is { } text)
            {
                yield return OutboundMessage.Send(action.Conversation, MessageContent.FromText(text));
            }
        }

        foreach (var message in ack.Outbound)
        {
            yield return message;
        }
    }

    /// <summary>
    /// A retried delivery changes nothing. Opening a message action's form changes nothing either, so a retried open
    /// (Teams retries an invoke it got no answer to in time) is answered with the form again: without it the dialog fails.
    /// </summary>
    private async Task<PipelineOutcome> DuplicateAsync(ChatEvent chatEvent, CancellationToken cancellationToken) =>
        chatEvent is MessageActionOpened
            ? new PipelineOutcome(true, (await router.RouteAsync(chatEvent, services, cancellationToken)) with { Outbound = [] })
            : PipelineOutcome.Duplicate;
}
