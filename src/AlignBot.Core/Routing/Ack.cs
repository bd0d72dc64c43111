using AlignBot.Core.Cards;
using AlignBot.Core.Conversations;

namespace AlignBot.Core.Routing;

/// <summary>
/// A handler's answer to one event, in two parts (DESIGN.md): the immediate reply — a card that replaces the
/// one the person pressed, or a short message — and the messages to send, which go to the outbox in the same
/// transaction as any state change.
/// </summary>
public sealed record Ack
{
    public static readonly Ack Nothing = new();

    /// <summary>A card that replaces the card the action came from (Teams Universal Actions response).</summary>
    public AdaptiveCard? UpdatedCard { get; init; }

    /// <summary>A short message shown to the person instead of an updated card.</summary>
    public string? Message { get; init; }

    /// <summary>The title of the dialog (Teams task module, Slack modal) that shows <see cref="UpdatedCard"/>, for message actions.</summary>
    public string? DialogTitle { get; init; }

    public IReadOnlyList<OutboundMessage> Outbound { get; init; } = [];

    /// <summary>
    /// What is wrong with a form, by input id: set with a <see cref="UpdatedCard"/> that shows the form again. Teams
    /// shows the card (which carries the same words); Slack puts each message under its input in the modal.
    /// </summary>
    public IReadOnlyDictionary<string, string>? InputErrors { get; init; }

    /// <summary>
    /// Why the person may not do this (nothing changed). Teams shows <see cref="UpdatedCard"/>, which says the same;
    /// on Slack only the person sees it, and the card everyone else sees stays as it was.
    /// </summary>
    public string? Refusal { get; init; }

    public static Ack WithCard(AdaptiveCard card, params OutboundMessage[] outbound) => new() { UpdatedCard = card, Outbound = outbound };

    /// <summary>A form shown in a dialog (a message action's form, or that form again with its errors).</summary>
    public static Ack Dialog(string title, AdaptiveCard card, params OutboundMessage[] outbound) => new() { DialogTitle = title, UpdatedCard = card, Outbound = outbound };

    public static Ack WithMessage(string message, params OutboundMessage[] outbound) => new() { Message = message, Outbound = outbound };

    public static Ack Send(params OutboundMessage[] outbound) => new() { Outbound = outbound };

    /// <summary>
    /// Answers in the conversation the event came from, as a reply to the message that caused it when there is one
    /// (in a channel, that keeps the answer in the message's thread).
    /// </summary>
    public static Ack Reply(ChatEvent to, MessageContent content) =>
        Send(to is MessageReceived { ActivityId: { } activityId }
            ? OutboundMessage.Reply(to.Conversation, activityId, content)
            : OutboundMessage.Send(to.Conversation, content));
}
