using System.Security.Claims;
using System.Text;
using AlignBot.Channels.Teams;
using AlignBot.Channels.Teams.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using AlignBot.Tests.Shared.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AlignBot.Channels.Tests.Auth;

/// <summary>Each way a Bot Framework token can be wrong is refused with a reason; the right ones pass.</summary>
public sealed class BotFrameworkJwtAuthenticatorTests : IAsyncLifetime
{
    private const string AppId = "a1b2c3d4-0000-0000-0000-000000000001";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private OpenIdServer _server = null!;
    private RsaSecurityKey _teamsKey = null!;
    private BotFrameworkJwtAuthenticator _authenticator = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await OpenIdServer.StartAsync(Token);
        _teamsKey = _server.AddKey("msteams", "webchat");
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            ChannelOpenIdMetadataUrl = _server.ChannelMetadataUrl,
            EmulatorOpenIdMetadataUrl = _server.EmulatorMetadataUrl,
        };
        _authenticator = new BotFrameworkJwtAuthenticator(Options.Create(options), new HttpClient(), _clock, NullLogger<BotFrameworkJwtAuthenticator>.Instance);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Authenticate_ValidChannelToken_Succeeds()
    {
        var result = await AuthenticateAsync(Mint());

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(ServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task Authenticate_NoHeader_Fails()
    {
        var result = await _authenticator.AuthenticateAsync(null, "msteams", ServiceUrl, Token);

        AssertFails(result, "No Authorization header");
    }

    [Fact]
    public async Task Authenticate_BasicScheme_Fails()
    {
        var result = await _authenticator.AuthenticateAsync("Basic " + Mint(), "msteams", ServiceUrl, Token);

        AssertFails(result, "not a Bearer token");
    }

    [Fact]
    public async Task Authenticate_GarbageToken_Fails()
    {
        var result = await _authenticator.AuthenticateAsync("Bearer not.a.jwt", "msteams", ServiceUrl, Token);

        AssertFails(result, "not a JWT");
    }

    [Fact]
    public async Task Authenticate_ExpiredBeyondSkew_Fails_WithinSkew_Succeeds()
    {
        var expiredLongAgo = Mint(expires: Now.AddMinutes(-6));
        var expiredJustNow = Mint(expires: Now.AddMinutes(-4));

        AssertFails(await AuthenticateAsync(expiredLongAgo), "expired");
        Assert.True((await AuthenticateAsync(expiredJustNow)).Succeeded);
    }

    [Fact]
    public async Task Authenticate_NotYetValid_Fails()
    {
        var result = await AuthenticateAsync(Mint(notBefore: Now.AddMinutes(10), expires: Now.AddMinutes(60)));

        AssertFails(result, "not valid yet");
    }

    [Fact]
    public async Task Authenticate_UnknownIssuer_Fails()
    {
        var result = await AuthenticateAsync(Mint(issuer: "https://evil.example"));

        AssertFails(result, "not a Bot Framework issuer");
    }

    [Fact]
    public async Task Authenticate_WrongAudience_Fails()
    {
        var result = await AuthenticateAsync(Mint(audience: "someone-else"));

        AssertFails(result, "audience");
    }

    [Fact]
    public async Task Authenticate_KeyNotInMetadata_Fails()
    {
        var result = await AuthenticateAsync(Mint(key: OpenIdServer.NewKey()));

        AssertFails(result, "not in the OpenID metadata");
    }

    [Fact]
    public async Task Authenticate_KeyRotatedInAfterFirstFetch_IsFoundByRefreshing()
    {
        Assert.True((await AuthenticateAsync(Mint())).Succeeded);
        var rotated = _server.AddKey("msteams");
        var tooSoon = await AuthenticateAsync(Mint(key: rotated)); // unknown keys refresh the metadata at most once a minute
        _clock.Advance(TimeSpan.FromMinutes(2));

        var result = await AuthenticateAsync(Mint(key: rotated));

        Assert.False(tooSoon.Succeeded);
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(4, _server.KeyRequests); // two metadata fetches, each reading the JWKS for its keys and for their endorsements
    }

    [Fact]
    public async Task Authenticate_SignatureTampered_Fails()
    {
        var token = Mint();
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace(ServiceUrl, "https://evil.example/", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var result = await _authenticator.AuthenticateAsync("Bearer " + tampered, "msteams", "https://evil.example/", Token);

        AssertFails(result, "signature is not valid");
    }

    [Fact]
    public async Task Authenticate_NoServiceUrlClaim_Fails()
    {
        var result = await AuthenticateAsync(Mint(serviceUrl: null));

        AssertFails(result, "no 'serviceurl' claim");
    }

    [Fact]
    public async Task Authenticate_ServiceUrlDiffers_Fails()
    {
        var result = await AuthenticateAsync(Mint(serviceUrl: "https://evil.example/"));

        AssertFails(result, "does not match");
    }

    [Fact]
    public async Task Authenticate_KeyNotEndorsedForChannel_Fails()
    {
        var slackOnly = _server.AddKey("slack");

        var result = await AuthenticateAsync(Mint(key: slackOnly));

        AssertFails(result, "not endorsed for channel 'msteams'");
    }

    [Fact]
    public async Task Authenticate_SymmetricHs256_Fails()
    {
        var hmac = new SymmetricSecurityKey(new byte[32]) { KeyId = "hmac" };
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkJwtAuthenticator.ChannelIssuer,
            Audience = AppId,
            Expires = Now.AddHours(1).UtcDateTime,
            IssuedAt = Now.UtcDateTime,
            NotBefore = Now.AddMinutes(-1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256),
        });

        AssertFails(await AuthenticateAsync(token), "only RS256");
    }

    [Theory]
    [InlineData("1.0", "appid")]
    [InlineData("2.0", "azp")]
    public async Task Authenticate_EmulatorToken_SucceedsByAppIdClaim(string version, string claim)
    {
        var emulatorKey = _server.AddKey();
        var token = Mint(
            key: emulatorKey,
            issuer: "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
            audience: AppId,
            serviceUrl: null,
            extra: new Dictionary<string, object> { ["ver"] = version, [claim] = AppId });

        var result = await AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Authenticate_EmulatorTokenForAnotherApp_Fails()
    {
        var token = Mint(
            key: _server.AddKey(),
            issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
            serviceUrl: null,
            extra: new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = "another-app" });

        AssertFails(await AuthenticateAsync(token), "not this bot's app id");
    }

    private Task<InboundAuthResult> AuthenticateAsync(string token) =>
        _authenticator.AuthenticateAsync("Bearer " + token, "msteams", ServiceUrl, Token);

    private static void AssertFails(InboundAuthResult result, string reason)
    {
        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Failure, StringComparison.Ordinal);
    }

    private string Mint(
        RsaSecurityKey? key = null,
        string issuer = BotFrameworkJwtAuthenticator.ChannelIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        Dictionary<string, object>? extra = null)
    {
        var claims = new Dictionary<string, object>(extra ?? []);
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var exp = expires ?? Now.AddHours(1);
        var nbf = notBefore ?? (exp < Now ? exp.AddHours(-1) : Now.AddMinutes(-1));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = nbf.UtcDateTime,
            Expires = exp.UtcDateTime,
            IssuedAt = nbf.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? _teamsKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
