using AlignBot.Host.Outbox;
using Microsoft.Extensions.Options;

namespace AlignBot.Host.Tests.Outbox;

/// <summary>The per-conversation limits, chosen by platform (counts of permits, never timings).</summary>
public sealed class SendLimiterTests
{
    [Fact]
    public void TryAcquireConversation_SlackChannel_BurstThenRefused()
    {
        using var limiter = new SendLimiter(Options.Create(new OutboxOptions { SlackPerChannelBurst = 2 }));

        var granted = Enumerable.Range(0, 5).Count(_ => limiter.TryAcquireConversation("2:C0SALES"));

        Assert.Equal(2, granted);
        Assert.True(limiter.TryAcquireConversation("2:C0OTHER")); // another channel has its own budget
    }

    [Fact]
    public void TryAcquireConversation_TeamsConversation_KeepsTeamsLimit()
    {
        using var limiter = new SendLimiter(Options.Create(new OutboxOptions { SlackPerChannelBurst = 2 }));

        var granted = Enumerable.Range(0, 10).Count(_ => limiter.TryAcquireConversation("1:a:conversation"));

        Assert.Equal(7, granted); // Teams: 7 a second per conversation
    }
}
