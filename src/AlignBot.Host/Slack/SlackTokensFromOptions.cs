using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Slack;

/// <summary>
/// The single-workspace install: the bot token in <c>AlignBot:Slack:BotToken</c>, read afresh on every call, so a new
/// token put in configuration (reloaded) is used at once, and a workspace held for a refused token resumes.
/// </summary>
internal sealed class SlackTokensFromOptions(IOptionsMonitor<SlackOptions> options) : ISlackTokens
{
    public ValueTask<string?> BotTokenAsync(string teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(string.IsNullOrWhiteSpace(options.CurrentValue.BotToken) ? null : options.CurrentValue.BotToken);
}
