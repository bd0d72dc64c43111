using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Channels.Tests.Slack;

/// <summary>
/// Our signature check next to Slack's own: the same cases go to <see cref="SlackRequestVerifier"/> and to
/// <c>isValidSlackRequest</c> from the official <c>@slack/bolt</c> package (tests/slack-bolt, pinned with its lock
/// file), and the two verdicts must agree. Needs Node.js and <c>npm ci --prefix tests/slack-bolt</c> (CI does this);
/// without them the test fails rather than skips, so the comparison can't quietly stop happening.
/// </summary>
public sealed class SlackBoltVerificationTests
{
    private const string Secret = "alignbot-test-signing-secret";
    private const string Body = """{"token":"x","team_id":"T111","event":{"type":"app_mention","text":"<@W111> help"},"type":"event_callback","event_id":"Ev1"}""";
    private const long Now = 1_700_000_000;

    private static readonly JsonObject Example =
        JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "request-signing-example.json")))!.AsObject(); // a JSON object by construction

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_EveryCase_OursAgreesWithSlackBolt()
    {
        var cases = Cases();

        var bolt = await BoltVerdictsAsync(cases);

        Assert.Equal(cases.Count, bolt.Count);
        foreach (var c in cases)
        {
            var ours = Ours(c);
            Assert.True(bolt[c.Name] == ours, $"{c.Name}: @slack/bolt says {(bolt[c.Name] ? "valid" : "invalid")}, AlignBot says {(ours ? "valid" : "invalid")}.");
            Assert.True(c.Expected == ours, $"{c.Name}: expected {(c.Expected ? "valid" : "invalid")}.");
        }
    }

    [Fact]
    public async Task Verify_TimestampSixMinutesAhead_BoltAcceptsWeRefuse()
    {
        // The one place we are deliberately stricter: bolt only refuses timestamps older than five minutes, while we
        // (like Slack's Python SDK, abs(now - timestamp) > 5 min) also refuse one from the future, a clock that lies.
        var ahead = Signed("from the future", Secret, Now + 360, Body, expected: false);

        var bolt = await BoltVerdictsAsync([ahead]);

        Assert.True(bolt[ahead.Name]);
        Assert.False(Ours(ahead));
    }

    private static List<BoltCase> Cases()
    {
        var valid = Signed("valid", Secret, Now - 10, Body, expected: true);
        return
        [
            valid,
            Signed("valid, form-encoded with unicode", Secret, Now, "text=caf%C3%A9+%E2%9C%93&user_id=U1&command=%2Falignbot", expected: true),
            Signed("valid, four minutes old", Secret, Now - 240, Body, expected: true),
            valid with { Name = "wrong secret", SigningSecret = "someone-elses-secret", Expected = false },
            valid with { Name = "tampered body", Body = Body.Replace("help", "help ", StringComparison.Ordinal), Expected = false },
            Signed("stale timestamp (six minutes old)", Secret, Now - 360, Body, expected: false),
            valid with { Name = "timestamp header changed after signing", Timestamp = (Now - 11).ToString(CultureInfo.InvariantCulture), Expected = false },
            valid with { Name = "missing signature header", Signature = null, Expected = false },
            valid with { Name = "missing timestamp header", Timestamp = null, Expected = false },
            valid with { Name = "v1 signature", Signature = "v1=" + valid.Signature![3..], Expected = false },
            valid with { Name = "signature upper-case hex", Signature = "v0=" + valid.Signature![3..].ToUpperInvariant(), Expected = false },
            new BoltCase(
                "Slack's published example",
                (string)Example["signing_secret"]!,
                (string)Example["timestamp"]!,
                (string)Example["body"]!,
                (string)Example["expected_signature"]!,
                long.Parse((string)Example["timestamp"]!, CultureInfo.InvariantCulture),
                Expected: true),
            new BoltCase(
                "Slack's published example, an hour later",
                (string)Example["signing_secret"]!,
                (string)Example["timestamp"]!,
                (string)Example["body"]!,
                (string)Example["expected_signature"]!,
                long.Parse((string)Example["timestamp"]!, CultureInfo.InvariantCulture) + 3600,
                Expected: false),
        ];
    }

    private static BoltCase Signed(string name, string secret, long timestamp, string body, bool expected)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = new SlackRequestVerifier(secret, TimeProvider.System).Sign(ts, Encoding.UTF8.GetBytes(body));
        return new BoltCase(name, Secret, ts, body, signature, Now, expected);
    }

    private static bool Ours(BoltCase c)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(c.NowSeconds));
        return new SlackRequestVerifier(c.SigningSecret, clock).Verify(c.Timestamp, c.Signature, Encoding.UTF8.GetBytes(c.Body), out _);
    }

    private static async Task<Dictionary<string, bool>> BoltVerdictsAsync(IReadOnlyList<BoltCase> cases)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "slack-bolt");
        Assert.True(
            Directory.Exists(Path.Combine(folder, "node_modules", "@slack", "bolt")),
            "@slack/bolt is not installed: run `npm ci --prefix tests/slack-bolt` (CI does this in .ci/run).");

        var input = JsonSerializer.Serialize(cases.Select(c => new
        {
            name = c.Name,
            signingSecret = c.SigningSecret,
            timestamp = c.Timestamp,
            body = c.Body,
            signature = c.Signature,
            nowSeconds = c.NowSeconds,
        }));
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add("verify.js");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail("Node.js is needed to compare with @slack/bolt and could not be started: " + ex.Message);
            throw; // not reached: Assert.Fail throws
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(Token);
            var stderr = process.StandardError.ReadToEndAsync(Token);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
            limit.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(limit.Token);
            Assert.True(process.ExitCode == 0, "verify.js failed: " + await stderr);
            var verdicts = JsonNode.Parse(await stdout)!.AsArray(); // verify.js prints a JSON array
            return verdicts.ToDictionary(v => (string)v!["name"]!, v => (bool)v!["valid"]!);
        }
    }

    private sealed record BoltCase(string Name, string SigningSecret, string? Timestamp, string Body, string? Signature, long NowSeconds, bool Expected);
}
