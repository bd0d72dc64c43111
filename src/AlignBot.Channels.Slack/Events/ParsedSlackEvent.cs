using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Slack.Events;

/// <summary>
/// The outcome of reading one Events API body: Slack's URL check (answered with the challenge), a
/// <see cref="ChatEvent"/> to process, a workspace whose bot token is no longer valid (AlignBot uninstalled, or its
/// bot token revoked: not a chat event, nobody to answer), an event AlignBot does not handle (acknowledged and dropped),
/// or an invalid body.
/// </summary>
internal abstract record ParsedSlackEvent
{
    public sealed record UrlVerification(string Challenge) : ParsedSlackEvent;

    public sealed record Event(ChatEvent ChatEvent) : ParsedSlackEvent;

    /// <param name="EventType"><c>app_uninstalled</c> or <c>tokens_revoked</c>.</param>
    public sealed record TokensRevoked(string TeamId, string EventType) : ParsedSlackEvent;

    public sealed record Ignored(string Reason) : ParsedSlackEvent;

    public sealed record Invalid(string Error) : ParsedSlackEvent;
}
