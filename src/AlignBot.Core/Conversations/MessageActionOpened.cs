namespace AlignBot.Core.Conversations;

/// <summary>
/// A person chose one of the bot's actions on a chat message (a Teams message action, a Slack message shortcut).
/// <see cref="CommandId"/> names the action; <see cref="MessageText"/> is the message as plain text (empty when the
/// action was opened without a message), <see cref="MessageLink"/> a web link to it when the platform gives one.
/// The platform waits for a form to show in a dialog: the handler answers with <see cref="Routing.Ack.UpdatedCard"/>.
/// </summary>
public sealed record MessageActionOpened(string CommandId, string MessageText, string? MessageLink) : ChatEvent;
