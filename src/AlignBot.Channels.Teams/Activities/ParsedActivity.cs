using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Teams.Activities;

/// <summary>
/// The outcome of reading one request body: a <see cref="ChatEvent"/> to process, an activity the bot
/// answers politely and ignores, or an invalid request (400) with the reason.
/// </summary>
internal abstract record ParsedActivity
{
    public sealed record Event(Activity Activity, ChatEvent ChatEvent) : ParsedActivity;

    public sealed record Ignored(Activity Activity, string Reason) : ParsedActivity;

    public sealed record Invalid(string Error) : ParsedActivity;
}
