using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Slack.Interactions;

/// <summary>
/// The outcome of reading one interactivity request (<c>payload=</c> JSON) or slash command: an event for the pipeline
/// (with what the answer needs: the <c>trigger_id</c>, the modal it came from), a form to open from a message, something
/// AlignBot does not handle (acknowledged and dropped), or an invalid body.
/// </summary>
internal abstract record ParsedSlackInteraction
{
    /// <summary>
    /// A button press, modal submission (<paramref name="IsSubmission"/>), shortcut or command, as a <see cref="ChatEvent"/>;
    /// <paramref name="View"/> is the modal it came from.
    /// </summary>
    public sealed record Event(ChatEvent ChatEvent, string? TriggerId, SlackView? View, bool IsSubmission = false) : ParsedSlackInteraction;

    /// <summary>
    /// The <b>Open form</b> button (or a sub-card's button) on message <paramref name="MessageTs"/>: the card behind it is
    /// looked up and its form <paramref name="Form"/> opened as a modal.
    /// </summary>
    public sealed record OpenForm(ConversationRef Conversation, UserRef User, string MessageTs, int Form, string TriggerId) : ParsedSlackInteraction;

    public sealed record Ignored(string Reason) : ParsedSlackInteraction;

    public sealed record Invalid(string Error) : ParsedSlackInteraction;
}

/// <summary>The modal an interaction came from: its id and hash (for <c>views.update</c>) and what AlignBot put in it.</summary>
internal sealed record SlackView(string Id, string? Hash, ModalMetadata Metadata);
