using System.Net;
using AlignBot.Channels.Slack;
using AlignBot.Channels.Slack.Api;
using AlignBot.Core.Conversations;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>Slack's Web API answers classified the way the outbox dispatcher needs them.</summary>
public sealed class SlackSenderTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK, true, null, typeof(SendResult.Sent))]
    [InlineData(HttpStatusCode.TooManyRequests, false, "ratelimited", typeof(SendResult.Throttled))]
    [InlineData(HttpStatusCode.OK, false, "ratelimited", typeof(SendResult.Throttled))]
    [InlineData(HttpStatusCode.OK, false, "channel_not_found", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "not_in_channel", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "is_archived", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "user_not_found", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "account_inactive", typeof(SendResult.RecipientGone))]
    [InlineData(HttpStatusCode.OK, false, "invalid_auth", typeof(SendResult.Held))]
    [InlineData(HttpStatusCode.OK, false, "token_revoked", typeof(SendResult.Held))]
    [InlineData(HttpStatusCode.OK, false, "not_authed", typeof(SendResult.Held))]
    [InlineData(HttpStatusCode.OK, false, "invalid_arguments", typeof(SendResult.Failed))]
    public void Classify_SlackAnswers_MapToWhatTheDispatcherNeeds(HttpStatusCode status, bool ok, string? error, Type expected)
    {
        var result = SlackSender.Classify(new SlackApiResponse(status, ok, error, ok ? "1.2" : null, null, TimeSpan.FromSeconds(3)));

        Assert.IsType(expected, result);
        if (result is SendResult.Failed failed)
        {
            Assert.False(failed.Retryable);
        }

        if (result is SendResult.Throttled throttled)
        {
            Assert.Equal(TimeSpan.FromSeconds(3), throttled.RetryAfter);
        }
    }
}
