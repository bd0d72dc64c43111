namespace AlignBot.Channels.Slack.Api;

/// <summary>
/// Keeps Slack's limits, which apply per method and per workspace (each method has its tier's budget of calls a minute;
/// <c>chat.postMessage</c> has a workspace-wide budget of its own): the Web API client waits for its turn right before
/// every call it makes.
/// </summary>
public interface ISlackPacer
{
    Task WaitTurnAsync(string teamId, string method, CancellationToken cancellationToken);
}
