namespace AlignBot.Core.Conversations;

/// <summary>
/// Keeps a platform's request budget: a sender waits for its turn right before each request it makes, so the platform
/// sees requests spaced as the budget allows (a proactive 1:1 message is two requests: open the chat, then send).
/// </summary>
public interface ISendPacer
{
    Task WaitTurnAsync(OutboundMessage message, CancellationToken cancellationToken);
}
