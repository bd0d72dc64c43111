using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>The v0 signature check against Slack's worked example (shared/reference), and each way a request is refused.</summary>
public sealed class SlackRequestVerifierTests
{
    private static readonly JsonObject Example =
        JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "request-signing-example.json")))!.AsObject(); // a JSON object by construction

    private static string Secret => (string)Example["signing_secret"]!;

    private static string Timestamp => (string)Example["timestamp"]!;

    private static byte[] Body => Encoding.UTF8.GetBytes((string)Example["body"]!);

    private static string Signature => (string)Example["expected_signature"]!;

    [Fact]
    public void Verify_SlackExampleAtItsOwnTime_Accepted()
    {
        var verifier = Verifier(Secret, secondsAfterExample: 0);

        var ok = verifier.Verify(Timestamp, Signature, Body, out var failure);

        Assert.True(ok, failure);
    }

    [Fact]
    public void Sign_SlackExample_IsTheExpectedSignature()
    {
        var verifier = Verifier(Secret, secondsAfterExample: 0);

        Assert.Equal(Signature, verifier.Sign(Timestamp, Body));
    }

    [Fact]
    public void Verify_ExampleWithinFiveMinutes_Accepted()
    {
        var verifier = Verifier(Secret, secondsAfterExample: 299);

        Assert.True(verifier.Verify(Timestamp, Signature, Body, out _));
    }

    [Fact]
    public void Verify_WrongSecret_Refused()
    {
        var verifier = Verifier("not-the-signing-secret", secondsAfterExample: 0);

        Assert.False(verifier.Verify(Timestamp, Signature, Body, out _));
    }

    [Fact]
    public void Verify_TamperedBody_Refused()
    {
        var verifier = Verifier(Secret, secondsAfterExample: 0);
        var tampered = Encoding.UTF8.GetBytes(((string)Example["body"]!).Replace("roadrunner", "coyote", StringComparison.Ordinal));

        Assert.False(verifier.Verify(Timestamp, Signature, tampered, out _));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86400)]
    public void Verify_TimestampMoreThanFiveMinutesAway_Refused(int secondsAfterExample)
    {
        var verifier = Verifier(Secret, secondsAfterExample);

        Assert.False(verifier.Verify(Timestamp, Signature, Body, out var failure));
        Assert.Contains("five minutes", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", null)]
    [InlineData("1531420618", "")]
    [InlineData("not-a-number", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", "v0=not-hex")]
    [InlineData("1531420618", "v0=a2114d57")]
    public void Verify_MissingOrMalformedHeaders_Refused(string? timestamp, string? signature)
    {
        var verifier = Verifier(Secret, secondsAfterExample: 0);

        Assert.False(verifier.Verify(timestamp, signature, Body, out _));
    }

    private static SlackRequestVerifier Verifier(string secret, int secondsAfterExample) =>
        new(secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture) + secondsAfterExample)));
}
