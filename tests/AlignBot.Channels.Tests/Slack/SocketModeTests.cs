using AlignBot.Channels.Slack.Socket;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>Reading Socket Mode envelopes, and the reconnect backoff's growth, cap and jitter.</summary>
public sealed class SocketModeTests
{
    [Fact]
    public void Parse_EventsApiEnvelope_IdPayloadAndRetry()
    {
        var envelope = SocketModeEnvelope.Parse("""{"envelope_id":"e1","payload":{"type":"event_callback","event_id":"Ev1"},"type":"events_api","accepts_response_payload":false,"retry_attempt":2,"retry_reason":"timeout"}"""u8);

        Assert.NotNull(envelope);
        Assert.Equal(SocketModeEnvelope.EventsApi, envelope.Type);
        Assert.Equal("e1", envelope.EnvelopeId);
        Assert.Equal(2, envelope.RetryAttempt);
        Assert.False(envelope.AcceptsResponsePayload);
        Assert.Equal("""{"type":"event_callback","event_id":"Ev1"}""", System.Text.Encoding.UTF8.GetString(envelope.Payload.Span));
    }

    [Fact]
    public void Parse_Disconnect_Reason()
    {
        var envelope = SocketModeEnvelope.Parse("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"h"}}"""u8);

        Assert.Equal(("disconnect", "refresh_requested", null), (envelope?.Type, envelope?.Reason, envelope?.EnvelopeId));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"envelope_id":"e1"}""")]
    public void Parse_NotAnEnvelope_Null(string message)
    {
        Assert.Null(SocketModeEnvelope.Parse(System.Text.Encoding.UTF8.GetBytes(message)));
    }

    [Fact]
    public void Delay_DoublesPerFailureUpToTheCap_WithinTwentyPercent()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));

        var expected = new[] { 1, 2, 4, 8, 16, 30, 30, 30 };
        for (var failures = 1; failures <= expected.Length; failures++)
        {
            var delay = backoff.Delay(failures).TotalSeconds;
            var nominal = expected[failures - 1];
            Assert.InRange(delay, nominal * 0.8, nominal * 1.2);
        }
    }

    [Fact]
    public void Delay_Jittered_NotAllTheSame()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), new Random(7));

        var delays = Enumerable.Range(0, 20).Select(_ => backoff.Delay(3)).Distinct().Count();

        Assert.True(delays > 10);
    }
}
