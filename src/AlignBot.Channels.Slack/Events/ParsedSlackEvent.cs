using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Slack.Events;

/// <summary>
/// The outcome of reading one Events API body: Slack's URL check (answered with the challenge), a
/// <see cref="ChatEvent"/> to process, an event AlignBot does not handle (acknowledged and dropped), or an invalid body.
/// </summary>
internal abstract record ParsedSlackEvent
{
    public sealed record UrlVerification(string Challenge) : ParsedSlackEvent;

    public sealed record Event(ChatEvent ChatEvent) : ParsedSlackEvent;

    public sealed record Ignored(string Reason) : ParsedSlackEvent;

    public sealed record Invalid(string Error) : ParsedSlackEvent;
}
