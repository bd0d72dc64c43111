using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlignBot.Channels.Slack;
using AlignBot.Data;
using AlignBot.Data.Slack;
using AlignBot.Host.Tests.Infrastructure;
using AlignBot.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlignBot.Host.Tests.Slack;

/// <summary>
/// A workspace installing AlignBot through Slack's OAuth v2 flow, in the real host: /slack/install → (Slack's authorize
/// page) → /slack/oauth_redirect → oauth.v2.access on a fake Slack Web API → the workspace stored with its bot token
/// encrypted, used for that workspace's messages, kept across a restart, and forgotten on app_uninstalled. Every way the
/// state can be wrong gets a 400 page and stores nothing.
/// </summary>
public sealed class SlackInstallTests : IAsyncLifetime
{
    private const string SigningSecret = "test-signing-secret";
    private const string ClientId = "111.222";
    private const string ClientSecret = "test-client-secret";
    private const string AuthorizeUrl = "https://slack.example/oauth/v2/authorize";
    private const string InstalledToken = "xoxb-installed-T0INST";
    private const string TeamId = "T0INST";

    private readonly string _databasePath = AlignBotFactory.NewDatabasePath();
    private FakeSlackApi _slack = null!; // set in InitializeAsync, before any test runs
    private AlignBotFactory _factory = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.Answer("oauth.v2.access", _ => new
        {
            ok = true,
            access_token = InstalledToken,
            token_type = "bot",
            scope = string.Join(',', SlackScopes.Bot),
            bot_user_id = "U0BOT",
            app_id = "A111",
            team = new { id = TeamId, name = "Acme Sales" },
            enterprise = (object?)null,
            authed_user = new { id = "U0ADMIN" },
        });
        _factory = NewFactory();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task Install_RoundTrip_TokenStoredEncryptedAndUsedForThatWorkspace()
    {
        using var browser = Browser();

        var start = await browser.GetAsync("/slack/install", Token);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!; // a redirect carries its Location
        Assert.StartsWith(AuthorizeUrl + "?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.Equal(string.Join(',', SlackScopes.Bot), query["scope"].ToString());
        Assert.Equal("http://localhost:3978/slack/oauth_redirect", query["redirect_uri"].ToString());
        Assert.Contains(start.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));

        var done = await browser.GetAsync($"/slack/oauth_redirect?code=code-1&state={Uri.EscapeDataString(query["state"].ToString())}", Token);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("AlignBot is installed in Acme Sales", await done.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var access = Assert.Single(_slack.Calls("oauth.v2.access"));
        Assert.Equal((ClientId, ClientSecret, "code-1", "http://localhost:3978/slack/oauth_redirect"),
            ((string?)access.Body?["client_id"], (string?)access.Body?["client_secret"], (string?)access.Body?["code"], (string?)access.Body?["redirect_uri"]));
        var row = Assert.Single(await QueryAsync(db => db.SlackWorkspaces.ToListAsync(Token)));
        Assert.Equal((TeamId, "Acme Sales", "U0BOT", "U0ADMIN"), (row.TeamId, row.TeamName, row.BotUserId, row.InstalledBy));
        Assert.DoesNotContain("xoxb", row.ProtectedBotToken, StringComparison.Ordinal);
        Assert.DoesNotContain("installed-T0INST", row.ProtectedBotToken, StringComparison.Ordinal);

        await PostSignedAsync(DirectMessage("help"));

        var post = Assert.Single(await _slack.WaitForRequestsAsync(1, Token), r => r.Method == "chat.postMessage");
        Assert.Equal("Bearer " + InstalledToken, post.Authorization);
    }

    [Fact]
    public async Task Install_ThenRestart_TokenStillReadableAndUsed()
    {
        using (var browser = Browser())
        {
            await InstallAsync(browser);
        }

        // The key ring that encrypted the token is kept with the data (beside the SQLite file), not in the user's home.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(_factory.DatabasePath)!, AlignBotModule.KeyRingFolder), "key-*.xml"));
        await _factory.DisposeAsync();
        _factory = NewFactory();
        await PostSignedAsync(DirectMessage("help"));

        var post = Assert.Single(await _slack.WaitForRequestsAsync(1, Token), r => r.Method == "chat.postMessage");
        Assert.Equal("Bearer " + InstalledToken, post.Authorization);
    }

    [Fact]
    public async Task Redirect_StateTampered_400AndNothingStored()
    {
        using var browser = Browser();
        var state = await StartAsync(browser);
        var tampered = state[..^2] + (state[^2] == 'A' ? "B" : "A") + state[^1];

        var response = await browser.GetAsync($"/slack/oauth_redirect?code=code-1&state={Uri.EscapeDataString(tampered)}", Token);

        await AssertRefusedAsync(response, "was not issued by this AlignBot");
    }

    [Fact]
    public async Task Redirect_StateMissing_400AndNothingStored()
    {
        using var browser = Browser();
        await StartAsync(browser);

        var response = await browser.GetAsync("/slack/oauth_redirect?code=code-1", Token);

        await AssertRefusedAsync(response, "missing its code or state");
    }

    [Fact]
    public async Task Redirect_OtherBrowser_NoCookie_400AndNothingStored()
    {
        using var starter = Browser();
        var state = await StartAsync(starter);
        using var other = Browser();

        var response = await other.GetAsync($"/slack/oauth_redirect?code=code-1&state={Uri.EscapeDataString(state)}", Token);

        await AssertRefusedAsync(response, "started in another browser");
    }

    [Fact]
    public async Task Redirect_AfterElevenMinutes_400Expired()
    {
        using var browser = Browser();
        var state = await StartAsync(browser);
        _factory.Clock.Advance(TimeSpan.FromMinutes(11));

        var response = await browser.GetAsync($"/slack/oauth_redirect?code=code-1&state={Uri.EscapeDataString(state)}", Token);

        await AssertRefusedAsync(response, "expired");
    }

    [Fact]
    public async Task Redirect_Replayed_SecondUse400AndSlackAskedOnce()
    {
        using var browser = Browser();
        var state = await StartAsync(browser);
        var link = $"/slack/oauth_redirect?code=code-1&state={Uri.EscapeDataString(state)}";
        var first = await browser.GetAsync(link, Token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await RemoveWorkspaceAsync();

        // The cookie was cleared by the first use: the replay brings it back, as someone holding both would.
        using var replayer = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var replay = new HttpRequestMessage(HttpMethod.Get, link);
        replay.Headers.Add("Cookie", $"{AlignBot.Host.Slack.SlackInstall.StateCookie}={CookieNonce}");
        var response = await replayer.SendAsync(replay, Token);

        await AssertRefusedAsync(response, "already used", oauthCalls: 1);
    }

    [Fact]
    public async Task Redirect_SlackRefusesTheCode_400AndNothingStored()
    {
        using var browser = Browser();
        var state = await StartAsync(browser);
        _slack.FailNext("oauth.v2.access", HttpStatusCode.OK, "invalid_code");

        var response = await browser.GetAsync($"/slack/oauth_redirect?code=stale&state={Uri.EscapeDataString(state)}", Token);

        await AssertRefusedAsync(response, "Slack refused the install (invalid_code)", oauthCalls: 1);
    }

    [Fact]
    public async Task Redirect_UserCancelledInSlack_400AndNothingStored()
    {
        using var browser = Browser();
        var state = await StartAsync(browser);

        var response = await browser.GetAsync($"/slack/oauth_redirect?error=access_denied&state={Uri.EscapeDataString(state)}", Token);

        await AssertRefusedAsync(response, "access_denied");
    }

    [Theory]
    [InlineData("""{"type":"app_uninstalled"}""")]
    [InlineData("""{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["U0BOT"]}}""")]
    public async Task UninstalledOrRevoked_WorkspaceAndTokenRemoved(string innerEvent)
    {
        using (var browser = Browser())
        {
            await InstallAsync(browser);
        }

        var body = $$"""{"token":"x","team_id":"{{TeamId}}","api_app_id":"A111","event":{{innerEvent}},"type":"event_callback","event_id":"EvGone","event_time":1700000000}""";
        var response = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.SlackWorkspaces.CountAsync(Token)));
    }

    private string CookieNonce { get; set; } = "";

    private AlignBotFactory NewFactory() =>
        new(_databasePath, new FakeTimeProvider(AlignBotFactory.DefaultStart), new Dictionary<string, string?>
        {
            ["AlignBot:Slack:SigningSecret"] = SigningSecret,
            ["AlignBot:Slack:ClientId"] = ClientId,
            ["AlignBot:Slack:ClientSecret"] = ClientSecret,
            ["AlignBot:Slack:AuthorizeUrl"] = AuthorizeUrl,
            ["AlignBot:Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });

    private HttpClient Browser() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Starts an install; the state Slack would hand back, and the cookie's nonce remembered.</summary>
    private async Task<string> StartAsync(HttpClient browser)
    {
        var start = await browser.GetAsync("/slack/install", Token);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var setCookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AlignBot.Host.Slack.SlackInstall.StateCookie + "=", StringComparison.Ordinal));
        CookieNonce = setCookie.Split(';')[0].Split('=', 2)[1];
        return QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString(); // a redirect carries its Location
    }

    private async Task InstallAsync(HttpClient browser)
    {
        var state = await StartAsync(browser);
        var done = await browser.GetAsync($"/slack/oauth_redirect?code=code-1&state={Uri.EscapeDataString(state)}", Token);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string reason, int oauthCalls = 0)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var page = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("AlignBot was not installed", page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Equal(oauthCalls, _slack.Calls("oauth.v2.access").Count);
        Assert.Equal(0, await QueryAsync(db => db.SlackWorkspaces.CountAsync(Token)));
    }

    private Task RemoveWorkspaceAsync() => QueryAsync(db => db.SlackWorkspaces.ExecuteDeleteAsync(Token));

    private static string DirectMessage(string text)
    {
        var json = JsonNode.Parse(File.ReadAllText(TestPaths.Reference("slack-payloads", "event_callback.message.im.json")))!.AsObject(); // the reference payloads are JSON objects
        json["team_id"] = TeamId;
        json["event"]!["text"] = text;
        return json.ToJsonString();
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = _factory.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, new SlackRequestVerifier(SigningSecret, TimeProvider.System).Sign(ts, bytes));
        using var client = _factory.CreateClient();
        return await client.SendAsync(request, Token);
    }

    private async Task<T> QueryAsync<T>(Func<AlignBotDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AlignBotDbContext>());
    }
}
